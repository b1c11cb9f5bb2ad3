// Where an institution's platform runs, whoever operates it: an Opus SaaS region, or the region of
// the customer's cloud account for a managed sub-account. One place, so every screen that shows a
// SaaS institution's region shows a managed one's too.
type Deployment = { deploymentMode: string | null; region: string | null; managedAccount: { region: string | null } | null };

export function deploymentRegion(institution: Deployment): string | null {
  if (institution.deploymentMode === "MANAGED") return institution.managedAccount?.region ?? null;
  return institution.region;
}
