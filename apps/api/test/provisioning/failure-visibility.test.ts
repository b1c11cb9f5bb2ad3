// The engine's verbatim error (infrastructure detail, what to install) is for Opus staff: the API
// does not send it to a customer, on the run, in the runs list, on the environment or in the log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE_DETAIL_WITHHELD } from "../../src/domain/environments/operation-select.ts";
import { callerFor, institutionIdOf } from "../support/callers.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { must } from "./support/fixtures.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

const ENGINE_ERROR = "error: Pulumi CLI not found on PATH: install pulumi 3.200.0 and the kubernetes plugin (dial tcp 10.0.4.12:5432)";

async function failedDeploy() {
  const aurora = await institutionIdOf(services, "banco-aurora");
  const environment = must(await services.db.environment.findFirst({ where: { institutionId: aurora, kind: "PRODUCTION" } }));
  const operation = await services.db.operation.create({
    data: {
      environmentId: environment.id,
      stackName: environment.stackName,
      kind: "UP",
      status: "FAILED",
      idempotencyKey: `visibility-${environment.id}`,
      attempt: 1,
      error: ENGINE_ERROR,
      startedAt: new Date(),
      finishedAt: new Date(),
      logs: { create: [{ line: "Updating (stack)" }, { line: `[control-plane] failed, not retrying: ${ENGINE_ERROR}` }] },
    },
  });
  return { aurora, environmentId: environment.id, operationId: operation.id };
}

describe("a failed run's engine error", () => {
  it("reaches Opus staff verbatim, and customers only as the fact that it failed", async () => {
    const { aurora, environmentId, operationId } = await failedDeploy();
    const input = { institutionId: aurora, operationId };
    const operator = await callerFor(services, "operator@opus.example");
    expect(await operator.environments.getOperation(input)).toMatchObject({ error: ENGINE_ERROR, failureHidden: false });
    const staffLog = await operator.environments.operationLogs(input);
    expect(staffLog.lines.map((l) => l.line)).toContain(`[control-plane] failed, not retrying: ${ENGINE_ERROR}`);

    for (const email of ["ana@aurora.example", "victor@aurora.example"]) {
      const customer = await callerFor(services, email);
      const run = await customer.environments.getOperation(input);
      expect(run).toMatchObject({ status: "FAILED", error: null, failureHidden: true });
      const listed = await customer.environments.find({ institutionId: aurora });
      expect(listed.find((e) => e.id === environmentId)?.latestOperation).toMatchObject({ error: null, failureHidden: true });
      const log = await customer.environments.operationLogs(input);
      expect(log.lines.map((l) => l.line)).toEqual(["Updating (stack)", `[control-plane] failed, not retrying: ${ENGINE_DETAIL_WITHHELD}`]);
      // Nothing of the text anywhere in what was sent.
      expect(JSON.stringify([run, listed, log])).not.toContain("dial tcp");
    }
    const admin = await callerFor(services, "ana@aurora.example");
    const runs = await admin.environments.findOperations({ institutionId: aurora, environmentId });
    expect(runs.find((r) => r.id === operationId)).toMatchObject({ error: null, failureHidden: true });
    expect(JSON.stringify(runs)).not.toContain("Pulumi CLI");
  });
});
