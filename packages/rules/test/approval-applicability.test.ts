import { describe, expect, it } from "vitest";
import { approvalStatusRefusal, requestableActions } from "../src/approval-applicability.ts";
import { APPROVAL_ACTIONS, INSTITUTION_STATUSES } from "../src/enums.ts";

// The specification, written out independently of the module: where each change makes sense.
const APPLICABLE = {
  SUSPEND: ["ACTIVE"],
  OFFBOARD: ["APPROVED", "PROVISIONING", "ACTIVE", "SUSPENDED"],
  CHANGE_MODE: ["DRAFT", "SUBMITTED", "REJECTED", "APPROVED", "PROVISIONING", "ACTIVE", "SUSPENDED"],
  DELETE: ["DRAFT", "REJECTED", "OFFBOARDED"],
  GO_LIVE_OVERRIDE: ["APPROVED", "PROVISIONING", "ACTIVE"],
} as const;

const REFUSED_WITH = {
  SUSPEND: "INVALID_TRANSITION",
  OFFBOARD: "INVALID_TRANSITION",
  CHANGE_MODE: "INVALID_TRANSITION",
  DELETE: "PRECONDITION_FAILED",
  GO_LIVE_OVERRIDE: "PRECONDITION_FAILED",
};

const PAIRS = APPROVAL_ACTIONS.flatMap((action) => INSTITUTION_STATUSES.map((status) => [action, status] as const));

describe("approvalStatusRefusal: every (action, status) pair", () => {
  it.each(PAIRS)("%s on a %s tenant", (action, status) => {
    const refusal = approvalStatusRefusal(action, status);
    if ((APPLICABLE[action] as readonly string[]).includes(status)) expect(refusal).toBeNull();
    else expect(refusal?.code).toBe(REFUSED_WITH[action]);
  });

  it("explains refusals in the words the API answers with", () => {
    expect(approvalStatusRefusal("SUSPEND", "SUSPENDED")?.message).toBe("Cannot suspend an institution that is suspended");
    expect(approvalStatusRefusal("OFFBOARD", "DRAFT")?.message).toBe("Cannot offboard an institution that is still a draft");
    expect(approvalStatusRefusal("CHANGE_MODE", "OFFBOARDING")?.message).toBe("An offboarded institution's mode cannot change.");
    expect(approvalStatusRefusal("DELETE", "ACTIVE")?.message).toMatch(/^Only drafts, rejected requests and offboarded institutions/);
  });
});

describe("requestableActions", () => {
  it.each([
    ["DRAFT", ["CHANGE_MODE", "DELETE"]],
    ["SUBMITTED", ["CHANGE_MODE"]],
    ["REJECTED", ["CHANGE_MODE", "DELETE"]],
    ["APPROVED", ["OFFBOARD", "CHANGE_MODE"]],
    ["PROVISIONING", ["OFFBOARD", "CHANGE_MODE"]],
    ["ACTIVE", ["SUSPEND", "OFFBOARD", "CHANGE_MODE"]],
    ["SUSPENDED", ["OFFBOARD", "CHANGE_MODE"]],
    ["OFFBOARDING", []],
    ["OFFBOARDED", ["DELETE"]],
  ] as const)("a %s tenant → %j", (status, actions) => {
    expect(requestableActions(status)).toEqual(actions);
  });
});
