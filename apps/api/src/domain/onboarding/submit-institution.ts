import { REQUIRED_ENVIRONMENT_KINDS } from "@opus/rules/enums";
import type { WizardStep } from "@opus/rules/onboarding";
import { AppError } from "../../errors/app-error.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";
import { transition } from "../institutions/lifecycle.ts";
import { lockInstitution, moveInstitution } from "../institutions/move-institution.ts";

/** Sends a complete draft to Opus for review. Every step must be complete; missing ones are listed. */
export async function submitInstitution(ctx: DomainContext, input: { institutionId: string }) {
  return ctx.db.$transaction(async (tx) => {
    // Locked first, so the completeness check reads the answers as they are submitted, not as they
    // were before a concurrent edit.
    await lockInstitution(tx, input.institutionId);
    const i = await tx.institution.findUnique({
      where: { id: input.institutionId },
      select: {
        id: true,
        status: true,
        cnpj: true,
        organisationId: true,
        roles: true,
        apiFamilies: true,
        deploymentMode: true,
        region: true,
        planId: true,
        managedAccount: { select: { id: true } },
        _count: { select: { brands: true } },
        contacts: { select: { kind: true } },
        environments: { select: { kind: true } },
      },
    });
    if (!i) throw new AppError("NOT_FOUND", "Institution not found.");
    // Refuse a submitted or rejected request before listing what is missing from it.
    transition(i.status, "submit");
    const missing: Partial<Record<WizardStep, string>> = {};
    if (!i.cnpj || !i.organisationId || i.roles.length === 0)
      missing.identity = "CNPJ, OrganisationId and at least one regulatory role are required";
    if (i._count.brands === 0 || i.apiFamilies.length === 0) missing.profile = "at least one brand and one API family are required";
    if (i.contacts.length < 2) missing.contacts = "technical and billing contacts are required";
    if (!i.deploymentMode || (i.deploymentMode === "SAAS" && !i.region) || (i.deploymentMode === "MANAGED" && !i.managedAccount)) {
      missing.deployment = "choose how the platform will be run";
    }
    const kinds = i.environments.map((e) => e.kind);
    if (!i.planId || !REQUIRED_ENVIRONMENT_KINDS.every((kind) => kinds.includes(kind)))
      missing.environments = "choose a plan and the environments";
    if (Object.keys(missing).length > 0) {
      throw new AppError("BAD_INPUT", `Complete these steps before submitting: ${Object.keys(missing).join(", ")}.`, { fields: missing });
    }
    const status = await moveInstitution(tx, i, "submit", { submittedAt: ctx.clock.now() });
    await tx.auditEvent.create({
      data: auditEntry(ctx, { action: "institution.submitted", institutionId: i.id, targetType: "institution", targetId: i.id }),
    });
    return { id: i.id, status };
  });
}
