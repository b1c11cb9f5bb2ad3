import type { Prisma } from "@opus/db/client";
import { setupFailed } from "@opus/rules/institution-lifecycle";
import { AppError } from "../../errors/app-error.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";

const institutionDetailSelect = {
  id: true,
  slug: true,
  legalName: true,
  tradeName: true,
  cnpj: true,
  organisationId: true,
  roles: true,
  apiFamilies: true,
  deploymentMode: true,
  region: true,
  status: true,
  rejectionReason: true,
  retentionDays: true,
  // The wizard resumes at the last completed step; the status panel shows the offboarding dates.
  wizardStep: true,
  submittedAt: true,
  approvedAt: true,
  offboardingStartedAt: true,
  retentionUntil: true,
  exportedAt: true,
  destroyedAt: true,
  offboardedAt: true,
  createdAt: true,
  plan: { select: { id: true, code: true, name: true, size: true } },
  brands: { select: { id: true, name: true, authorisationServerId: true } },
  contacts: { select: { kind: true, name: true, email: true, phone: true } },
  // Never the credentials ciphertext: the console has no use for it. Who holds them (STORED or the
  // AGENT) and what the agent last said of itself are not secret: the wizard and the environment page show them.
  managedAccount: {
    select: {
      cloudProvider: true,
      accountRef: true,
      region: true,
      clusterName: true,
      clusterEndpoint: true,
      credentialsSource: true,
      agentVersion: true,
      agentSeenAt: true,
    },
  },
  environments: {
    orderBy: { kind: "asc" },
    select: { id: true, kind: true, status: true, stackName: true, cluster: true, namespace: true, releaseVersion: true },
  },
  _count: { select: { memberships: true, certificates: true } },
} satisfies Prisma.InstitutionSelect;

export async function getInstitution(ctx: DomainContext, input: { institutionId: string }) {
  const institution = await scopedDb(ctx, input.institutionId).institution.findUnique({
    where: { id: input.institutionId },
    select: institutionDetailSelect,
  });
  if (!institution) throw new AppError("NOT_FOUND", "Institution not found.");
  return { ...institution, setupFailed: setupFailed(institution.status, institution.environments) };
}
