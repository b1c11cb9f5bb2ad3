import { describe, expect, it } from "vitest";
import { INSTITUTION_STATUSES } from "../src/enums.ts";
import { canEditOnboarding, WIZARD_STEPS } from "../src/onboarding.ts";

describe("canEditOnboarding", () => {
  it("allows drafts and rejected requests (saving reopens those), nothing else", () => {
    expect(INSTITUTION_STATUSES.filter(canEditOnboarding)).toEqual(["DRAFT", "REJECTED"]);
  });
});

describe("WIZARD_STEPS", () => {
  it("lists the five steps in the order the wizard asks them", () => {
    expect(WIZARD_STEPS).toEqual(["identity", "profile", "contacts", "deployment", "environments"]);
  });
});
