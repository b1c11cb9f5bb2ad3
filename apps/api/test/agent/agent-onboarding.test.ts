// Choosing the agent in the onboarding wizard: the managed account keeps no credentials, its
// operations become the agent's, and going back to stored credentials needs them again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "../support/callers.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

const account = {
  mode: "MANAGED" as const,
  cloudProvider: "AWS" as const,
  accountRef: "210987654321",
  region: "sa-east-1",
  clusterName: "agent-eks",
  clusterEndpoint: "https://agent-eks.example",
};

describe("the wizard's credentials choice", () => {
  it("stores nothing with the agent, refuses credentials sent with it, and asks for them when switching back", async () => {
    const operator = await callerFor(services, "operator@opus.example");
    const created = await operator.institutions.create({ legalName: "Banco Agente S.A.", adminEmail: "admin@agente.example" });
    const token = created.invitationLink?.split("/invite/")[1] ?? "";
    await (await callerFor(services, null)).members.acceptInvitation({ token, name: "Admin", password: "a-long-password" });
    const admin = await callerFor(services, "admin@agente.example");
    const institutionId = created.id;

    await admin.institutions.saveStep({ institutionId, step: "deployment", data: { ...account, credentialsSource: "AGENT" } });
    expect(await services.db.managedAccount.findUniqueOrThrow({ where: { institutionId } })).toMatchObject({
      credentialsSource: "AGENT",
      credentialsCiphertext: "",
      clusterName: "agent-eks",
    });

    const kubeconfig = "apiVersion: v1\nkind: Config\n";
    await expect(
      admin.institutions.saveStep({
        institutionId,
        step: "deployment",
        data: {
          ...account,
          credentialsSource: "AGENT",
          credentials: {
            kubeconfig,
            gateway: { domain: "gw.agente.example", namespace: "kong" },
            database: { host: "pg", port: 5432, adminUser: "a", adminPassword: "p", sslMode: "require", cidr: "10.0.0.0/24" },
            queue: {
              kind: "rabbitmq",
              endpoint: "https://mq:15671",
              adminUser: "a",
              adminPassword: "p",
              host: "mq",
              port: 5671,
              cidr: "10.0.1.0/24",
            },
          },
        },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Back to stored credentials without giving them: refused, and the account stays the agent's.
    await expect(admin.institutions.saveStep({ institutionId, step: "deployment", data: account })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("kubeconfig"),
    });
    expect(await services.db.managedAccount.findUniqueOrThrow({ where: { institutionId } })).toMatchObject({ credentialsSource: "AGENT" });
  });
});
