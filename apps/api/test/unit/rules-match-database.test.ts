// @opus/rules has no dependencies, so it cannot import the database's enums: this test keeps its
// environment lists and the Prisma schema's enums the same, in order.
import { Enums } from "@opus/db/client";
import { ENVIRONMENT_STATUSES } from "@opus/rules/environment-lifecycle";
import { OPERATION_KINDS, PENDING_OPERATION_STATUSES } from "@opus/rules/environment-operations";
import { describe, expect, it } from "vitest";

describe("@opus/rules environment lists", () => {
  it("name exactly the database's environment statuses and operation kinds", () => {
    expect([...ENVIRONMENT_STATUSES]).toEqual(Object.values(Enums.EnvironmentStatus));
    expect([...OPERATION_KINDS]).toEqual(Object.values(Enums.OperationKind));
  });

  it("call pending exactly the operation statuses that have not ended", () => {
    expect(Object.values(Enums.OperationStatus).filter((s) => PENDING_OPERATION_STATUSES.some((p) => p === s))).toEqual([
      "QUEUED",
      "RUNNING",
    ]);
  });
});
