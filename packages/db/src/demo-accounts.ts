// The demo sign-ins that `pnpm start` prints. Kept apart from the seed so tests and the start
// banner read the same list. Demo only: never used outside a seeded development database.
export const DEMO_PASSWORD = "opus-demo-2026";

export type DemoAccount = {
  email: string;
  name: string;
  staffRole?: "ADMIN" | "OPERATOR" | "BILLING";
  /** Raw TOTP secret (as better-auth stores it, before encryption); staff only. */
  totpSecret?: string;
  membership?: { institutionSlug: string; role: "ADMIN" | "VIEWER" };
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "admin@opus.example", name: "Ada Admin", staffRole: "ADMIN", totpSecret: "demoAdminTotpSecret0000000000001" },
  // A second Opus admin: four-eyes approvals among admins (a production wave of a rollout).
  { email: "admin2@opus.example", name: "Alan Admin", staffRole: "ADMIN", totpSecret: "demoAdmin2TotpSecret000000000005" },
  { email: "operator@opus.example", name: "Otto Operator", staffRole: "OPERATOR", totpSecret: "demoOperatorTotpSecret000000002" },
  { email: "operator2@opus.example", name: "Olga Operator", staffRole: "OPERATOR", totpSecret: "demoOperator2TotpSecret00000003" },
  { email: "billing@opus.example", name: "Bia Billing", staffRole: "BILLING", totpSecret: "demoBillingTotpSecret0000000004" },
  { email: "ana@aurora.example", name: "Ana Souza", membership: { institutionSlug: "banco-aurora", role: "ADMIN" } },
  { email: "victor@aurora.example", name: "Victor Lima", membership: { institutionSlug: "banco-aurora", role: "VIEWER" } },
  { email: "helena@horizonte.example", name: "Helena Costa", membership: { institutionSlug: "coop-horizonte", role: "ADMIN" } },
  { email: "sergio@sertao.example", name: "Sérgio Alves", membership: { institutionSlug: "fintech-sertao", role: "ADMIN" } },
];
