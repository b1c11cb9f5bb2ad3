// `authorize` in isolation, against the permission matrix written out here a second time, per role
// rather than per permission, so that a change to the table in permissions.ts (a role granted or
// dropped, a permission renamed) fails a test instead of quietly widening or narrowing access.
import { describe, expect, it } from "vitest";
import type { Actor, InstitutionRole, StaffRole } from "../../../src/authz/actor.ts";
import { authorize, isAllowed, PERMISSIONS, type Permission } from "../../../src/authz/permissions.ts";
import { catchAppError } from "../institutions/catch-app-error.ts";

const EVERYONE_READS: Permission[] = [
  "institution.read",
  "environments.read",
  "certificates.read",
  "usage.read",
  "health.read",
  "go-live.read",
];

// What each role may do. Staff act on any institution; members only on their own.
const STAFF_GRANTS: Record<StaffRole, Permission[]> = {
  ADMIN: Object.keys(PERMISSIONS) as Permission[],
  OPERATOR: [
    ...EVERYONE_READS,
    "fleet.read",
    "institution.create",
    "institution.update",
    "members.read",
    "members.manage",
    "audit.read",
    "environments.operate",
    "institution.review",
    "institution.govern",
    "institution.export",
    "certificates.manage",
    "install-bundle.issue",
    "api-keys.read",
    "api-keys.manage",
    "releases.read",
    "environments.schedule",
    "go-live.manage",
    "go-live.evidence",
  ],
  BILLING: [
    ...EVERYONE_READS,
    "fleet.read",
    "api-keys.read",
    "api-keys.manage",
    "usage.correct",
    "reports.read",
    "billing.read",
    "billing.manage",
    "releases.read",
  ],
};
const MEMBER_GRANTS: Record<InstitutionRole, Permission[]> = {
  ADMIN: [
    ...EVERYONE_READS,
    "institution.update",
    "members.read",
    "members.manage",
    "audit.read",
    "institution.export",
    "certificates.manage",
    "install-bundle.issue",
    "api-keys.read",
    "api-keys.manage",
    "reports.read",
    "environments.schedule",
    "go-live.evidence",
  ],
  VIEWER: [...EVERYONE_READS, "members.read"],
};

const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];
const INSTITUTION = "inst_own";
const OTHER_INSTITUTION = "inst_other";

function actor(overrides: Partial<Actor> = {}): Actor {
  return {
    userId: "user_1",
    email: "person@example.com",
    name: "Person",
    staffRole: null,
    twoFactorEnabled: false,
    locale: null,
    memberships: new Map(),
    ...overrides,
  };
}
const staff = (staffRole: StaffRole, twoFactorEnabled = true) => actor({ staffRole, twoFactorEnabled });
const member = (role: InstitutionRole) => actor({ memberships: new Map([[INSTITUTION, role]]) });

describe("the permission table", () => {
  it("names exactly the permissions this test knows", () => {
    expect(ALL_PERMISSIONS.sort()).toEqual(
      [
        "fleet.read",
        "institution.create",
        "institution.read",
        "institution.update",
        "members.read",
        "members.manage",
        "audit.read",
        "environments.read",
        "environments.operate",
        "institution.review",
        "institution.govern",
        "institution.export",
        "institution.destroy",
        "certificates.read",
        "certificates.manage",
        "install-bundle.issue",
        "plans.manage",
        "api-keys.read",
        "api-keys.manage",
        "usage.read",
        "health.read",
        "go-live.read",
        "go-live.manage",
        "go-live.evidence",
        "usage.correct",
        "meters.manage",
        "reports.read",
        "billing.read",
        "billing.manage",
        "audit.read-all",
        "releases.read",
        "releases.manage",
        "environments.schedule",
      ].sort(),
    );
  });
});

describe("authorize: staff", () => {
  for (const role of Object.keys(STAFF_GRANTS) as StaffRole[]) {
    for (const permission of ALL_PERMISSIONS) {
      const granted = STAFF_GRANTS[role].includes(permission);
      it(`${role} staff ${granted ? "may" : "may not"} ${permission}, on any institution or none`, () => {
        const who = staff(role);
        for (const institutionId of [undefined, INSTITUTION, OTHER_INSTITUTION]) {
          if (granted) {
            expect(authorize(who, permission, institutionId)).toBe(who);
            expect(isAllowed(who, permission, institutionId)).toBe(true);
          } else {
            const error = catchAppError(() => authorize(who, permission, institutionId));
            expect(error).toMatchObject({ code: "FORBIDDEN", message: "You do not have permission to do this." });
            expect(isAllowed(who, permission, institutionId)).toBe(false);
          }
        }
      });
    }
  }

  it("refuses staff without TOTP with TOTP_REQUIRED for what their role allows", () => {
    for (const role of Object.keys(STAFF_GRANTS) as StaffRole[]) {
      for (const permission of STAFF_GRANTS[role]) {
        const error = catchAppError(() => authorize(staff(role, false), permission, INSTITUTION));
        expect(error).toMatchObject({
          code: "TOTP_REQUIRED",
          message: "Opus staff must set up two-factor authentication (TOTP) before continuing.",
        });
        expect(isAllowed(staff(role, false), permission)).toBe(false);
      }
    }
  });

  it("answers FORBIDDEN, not TOTP_REQUIRED, for what the role never allows (the role decides first)", () => {
    expect(catchAppError(() => authorize(staff("BILLING", false), "environments.operate")).code).toBe("FORBIDDEN");
    expect(catchAppError(() => authorize(staff("OPERATOR", false), "plans.manage")).code).toBe("FORBIDDEN");
  });

  it("ignores memberships a staff account happens to carry: the staff role decides", () => {
    const who = actor({ staffRole: "BILLING", twoFactorEnabled: true, memberships: new Map([[INSTITUTION, "ADMIN"]]) });
    expect(catchAppError(() => authorize(who, "members.manage", INSTITUTION)).code).toBe("FORBIDDEN");
  });
});

describe("authorize: institution members", () => {
  for (const role of Object.keys(MEMBER_GRANTS) as InstitutionRole[]) {
    for (const permission of ALL_PERMISSIONS) {
      const granted = MEMBER_GRANTS[role].includes(permission);
      it(`a member ${role} ${granted ? "may" : "may not"} ${permission} on their own institution`, () => {
        const who = member(role);
        if (granted) {
          expect(authorize(who, permission, INSTITUTION)).toBe(who);
          expect(isAllowed(who, permission, INSTITUTION)).toBe(true);
        } else {
          expect(catchAppError(() => authorize(who, permission, INSTITUTION))).toMatchObject({
            code: "FORBIDDEN",
            message: "You do not have permission to do this.",
          });
          expect(isAllowed(who, permission, INSTITUTION)).toBe(false);
        }
      });
    }
  }

  it("refuses every permission on another institution, and without an institution id", () => {
    for (const role of Object.keys(MEMBER_GRANTS) as InstitutionRole[]) {
      for (const permission of ALL_PERMISSIONS) {
        for (const institutionId of [OTHER_INSTITUTION, undefined, ""]) {
          expect(catchAppError(() => authorize(member(role), permission, institutionId)).code).toBe("FORBIDDEN");
          expect(isAllowed(member(role), permission, institutionId)).toBe(false);
        }
      }
    }
  });

  it("uses the role held on the institution asked about, when a person belongs to several", () => {
    const who = actor({
      memberships: new Map<string, InstitutionRole>([
        [INSTITUTION, "VIEWER"],
        [OTHER_INSTITUTION, "ADMIN"],
      ]),
    });
    expect(isAllowed(who, "members.manage", OTHER_INSTITUTION)).toBe(true);
    expect(catchAppError(() => authorize(who, "members.manage", INSTITUTION)).code).toBe("FORBIDDEN");
  });

  it("never asks members for TOTP (their second factor is their institution's choice)", () => {
    expect(authorize(member("ADMIN"), "members.manage", INSTITUTION).userId).toBe("user_1");
  });
});

describe("authorize: nobody signed in", () => {
  it("answers UNAUTHENTICATED for every permission", () => {
    for (const permission of ALL_PERMISSIONS) {
      expect(catchAppError(() => authorize(null, permission, INSTITUTION))).toMatchObject({
        code: "UNAUTHENTICATED",
        message: "Sign in to continue.",
      });
      expect(isAllowed(null, permission, INSTITUTION)).toBe(false);
    }
  });
});
