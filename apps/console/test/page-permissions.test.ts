// Which permission each console address needs: a member's own institution pages need a permission
// on that institution, never the fleet's, even though they live under the staff list's /institutions.
import { describe, expect, it } from "vitest";
import { pageRequirement } from "../src/components/shell/page-permissions.ts";

describe("pageRequirement", () => {
  it("asks a permission on the institution for its own pages and runs", () => {
    expect(pageRequirement("/institutions/abc")).toEqual({ permission: "institution.read", institutionId: "abc" });
    expect(pageRequirement("/institutions/abc/environments")).toMatchObject({ institutionId: "abc" });
    expect(pageRequirement("/institutions/abc/operations/op-1")).toEqual(pageRequirement("/institutions/abc/environments"));
    expect(pageRequirement("/institutions/abc/members")?.permission).not.toBe("fleet.read");
  });

  it("asks the staff permission for staff pages and what lives under them", () => {
    expect(pageRequirement("/institutions")).toEqual({ permission: "fleet.read" });
    expect(pageRequirement("/rollouts")).toEqual({ permission: "releases.read" });
    expect(pageRequirement("/rollouts/r-1")).toEqual({ permission: "releases.read" });
    expect(pageRequirement("/billing/prices")).toEqual({ permission: "billing.read" });
    expect(pageRequirement("/billing/meters")).toEqual({ permission: "billing.read" });
    expect(pageRequirement("/account")).toBeNull();
  });
});
