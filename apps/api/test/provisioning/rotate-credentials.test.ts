// Rotation re-seals stored credentials under the worker's current key, once, even when several
// workers start at the same moment, and never overwrites credentials saved meanwhile.
import { createCipheriv, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCredentialsOpener, createCredentialsSealer, generateCredentialsKeyPair } from "../../src/lib/credentials-envelope.ts";
import { rotateCredentials } from "../../src/provisioning/rotate-credentials.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { createTenant } from "./support/fixtures.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

function sealV1(keyBase64: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(keyBase64, "base64"), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(".");
}

async function managedAccount(credentialsCiphertext: string) {
  const tenant = await createTenant(services.db, { mode: "MANAGED" });
  return services.db.managedAccount.create({
    data: {
      institutionId: tenant.id,
      cloudProvider: "AWS",
      accountRef: "123456789012",
      region: "sa-east-1",
      clusterName: "customer-eks",
      clusterEndpoint: "https://eks.customer.example",
      credentialsCiphertext,
    },
  });
}

describe("rotateCredentials", () => {
  it("re-seals old-key and first-scheme envelopes under the current key, exactly once across 10 concurrent runs", async () => {
    await services.db.managedAccount.deleteMany();
    const old = generateCredentialsKeyPair();
    const legacyKey = randomBytes(32).toString("base64");
    const current = generateCredentialsKeyPair();
    const plain = (i: number) => `kubeconfig of customer ${i}`;
    const accounts = [
      ...(await Promise.all([0, 1, 2].map((i) => managedAccount(createCredentialsSealer(old.publicKey).encrypt(plain(i)))))),
      ...(await Promise.all([3, 4].map((i) => managedAccount(sealV1(legacyKey, plain(i)))))),
      await managedAccount(createCredentialsSealer(current.publicKey).encrypt(plain(5))),
    ];
    const opener = createCredentialsOpener({ privateKeys: [current.privateKey, old.privateKey], legacyKey });

    const runs = await Promise.all(Array.from({ length: 10 }, () => rotateCredentials(services.db, opener)));
    expect(runs.reduce((n, r) => n + r.resealed, 0)).toBe(5);

    // Everything now opens with the current key alone, and says the same as before.
    const onlyCurrent = createCredentialsOpener({ privateKeys: [current.privateKey] });
    for (const [i, account] of accounts.entries()) {
      const row = await services.db.managedAccount.findUniqueOrThrow({ where: { id: account.id } });
      expect(onlyCurrent.isCurrent(row.credentialsCiphertext)).toBe(true);
      expect(onlyCurrent.decrypt(row.credentialsCiphertext)).toBe(plain(i));
    }
    expect(await rotateCredentials(services.db, opener)).toEqual({ resealed: 0, alreadyCurrent: 6, skipped: 0 });
  });

  it("leaves credentials a customer saved between its read and its write as they are", async () => {
    await services.db.managedAccount.deleteMany();
    const old = generateCredentialsKeyPair();
    const current = generateCredentialsKeyPair();
    const account = await managedAccount(createCredentialsSealer(old.publicKey).encrypt("old kubeconfig"));
    // What the rotation read, before the customer saved new credentials through the wizard.
    const readBeforeSave = await services.db.managedAccount.findMany({ select: { id: true, credentialsCiphertext: true } });
    const saved = createCredentialsSealer(current.publicKey).encrypt("new kubeconfig");
    await services.db.managedAccount.update({ where: { id: account.id }, data: { credentialsCiphertext: saved } });
    const raced = {
      managedAccount: { findMany: async () => readBeforeSave, updateMany: services.db.managedAccount.updateMany },
    } as unknown as typeof services.db;

    const opener = createCredentialsOpener({ privateKeys: [current.privateKey, old.privateKey] });
    expect(await rotateCredentials(raced, opener)).toEqual({ resealed: 0, alreadyCurrent: 0, skipped: 1 });
    const row = await services.db.managedAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.credentialsCiphertext).toBe(saved);
    expect(opener.decrypt(row.credentialsCiphertext)).toBe("new kubeconfig");
  });
});
