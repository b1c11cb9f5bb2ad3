import type { Enums } from "@opus/db/client";

type StaffRole = Enums.StaffRole;
type InstitutionRole = Enums.InstitutionRole;

/** The signed-in person as authorization sees them. Built once per request from the session. */
export type Actor = {
  userId: string;
  email: string;
  name: string;
  staffRole: StaffRole | null;
  twoFactorEnabled: boolean;
  /** Preferred UI language; null follows the browser. */
  locale: string | null;
  /** institutionId → role, for customer members. Staff have none. */
  memberships: ReadonlyMap<string, InstitutionRole>;
};

export type { InstitutionRole, StaffRole };
