import { INSTITUTION_STATUSES } from "@opus/rules/enums";
import { INSTITUTION_EVENTS, transitionInstitution } from "@opus/rules/institution-lifecycle";
import { describe, expect, it } from "vitest";
import { transition } from "../../../src/domain/institutions/lifecycle.ts";
import { catchAppError } from "./catch-app-error.ts";

// The table is tested in packages/rules/test/institution-lifecycle.test.ts; this is the API's
// side: an allowed move returns its status, a refused one is AppError INVALID_TRANSITION.
describe("transition", () => {
  it("returns the next status of an allowed move", () => {
    expect(transition("DRAFT", "submit")).toBe("SUBMITTED");
    expect(transition("OFFBOARDING", "confirmDestruction")).toBe("OFFBOARDED");
  });

  it("throws INVALID_TRANSITION with the rule's words for a refused move", () => {
    const error = catchAppError(() => transition("DRAFT", "approve"));
    expect(error.code).toBe("INVALID_TRANSITION");
    expect(error.message).toBe("Cannot approve an institution that is still a draft");
  });

  it("agrees with the shared table on every (state, event) pair", () => {
    for (const state of INSTITUTION_STATUSES) {
      for (const event of INSTITUTION_EVENTS) {
        const move = transitionInstitution(state, event);
        if (move.ok) expect(transition(state, event)).toBe(move.status);
        else expect(catchAppError(() => transition(state, event)).message).toBe(move.refusal.message);
      }
    }
  });
});
