// Saves one step of the onboarding wizard into the draft, in one transaction with its audit event.
import type { Prisma } from "@opus/db/client";
import { stackNameFor } from "@opus/provisioner/spec";
import { CNPJ_TAKEN_MESSAGE, ORGANISATION_ID_TAKEN_MESSAGE } from "@opus/rules/cnpj";
import { WIZARD_STEPS } from "@opus/rules/onboarding";
import { AppError } from "../../errors/app-error.ts";
import { onUniqueViolation } from "../../errors/database-errors.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
import { loadEditableDraft } from "./editable-draft.ts";
import type { SaveStepInput } from "./wizard-steps.ts";

type Tx = Prisma.TransactionClient;

const CNPJ_TAKEN = CNPJ_TAKEN_MESSAGE;
const ORGANISATION_ID_TAKEN = ORGANISATION_ID_TAKEN_MESSAGE;
type Draft = Awaited<ReturnType<typeof loadEditableDraft>>;
type StepData<S extends SaveStepInput["step"]> = Extract<SaveStepInput, { step: S }>["data"];

export async function saveWizardStep(ctx: DomainContext, input: SaveStepInput) {
  // Before the transaction: the check reads across tenants through the plain client, and a
  // transaction that waited on a second connection could starve the pool under load.
  if (input.step === "identity") await assertIdentityFree(ctx, input.institutionId, input.data);
  return audited(ctx, scopedDb(ctx, input.institutionId), async (tx) => {
    const draft = await loadEditableDraft(tx, input.institutionId);
    switch (input.step) {
      case "identity":
        await saveIdentity(tx, draft, input.data);
        break;
      case "profile":
        await saveProfile(tx, draft, input.data);
        break;
      case "contacts":
        await saveContacts(tx, draft, input.data);
        break;
      case "deployment":
        await saveDeployment(ctx, tx, draft, input.data);
        break;
      case "environments":
        await saveEnvironments(tx, draft, input.data);
        break;
    }
    const wizardStep = Math.max(draft.wizardStep, WIZARD_STEPS.indexOf(input.step) + 1);
    await tx.institution.update({ where: { id: draft.id }, data: { wizardStep } });
    return {
      result: { institutionId: draft.id, wizardStep },
      audit: {
        action: "institution.draft_saved",
        institutionId: draft.id,
        targetType: "institution",
        targetId: draft.id,
        data: draft.reopened ? { step: input.step, reopened: { from: "REJECTED", to: "DRAFT" } } : { step: input.step },
      },
    };
  });
}

/** Across tenants on purpose, so through the plain client: the scoped one sees only this draft. */
async function assertIdentityFree(ctx: DomainContext, institutionId: string, data: StepData<"identity">) {
  const clash = await ctx.db.institution.findFirst({
    where: { id: { not: institutionId }, OR: [{ cnpj: data.cnpj }, { organisationId: data.organisationId }] },
    select: { cnpj: true },
  });
  if (clash) {
    const field = clash.cnpj === data.cnpj ? "cnpj" : "organisationId";
    throw new AppError("CONFLICT", field === "cnpj" ? CNPJ_TAKEN : ORGANISATION_ID_TAKEN, { fields: { [field]: "already registered" } });
  }
}

async function saveIdentity(tx: Tx, draft: Draft, data: StepData<"identity">) {
  // The check before the transaction cannot see another draft claiming the same CNPJ at the same
  // moment; the unique constraints can.
  await onUniqueViolation(
    tx.institution.update({
      where: { id: draft.id },
      data: {
        legalName: data.legalName,
        tradeName: data.tradeName ?? null,
        cnpj: data.cnpj,
        organisationId: data.organisationId,
        roles: data.roles,
      },
    }),
    {
      institution_cnpj_key: { message: CNPJ_TAKEN, fields: { cnpj: "already registered" } },
      institution_organisationId_key: { message: ORGANISATION_ID_TAKEN, fields: { organisationId: "already registered" } },
    },
  );
}

async function saveProfile(tx: Tx, draft: Draft, data: StepData<"profile">) {
  await tx.brand.deleteMany({ where: { institutionId: draft.id } });
  await tx.brand.createMany({ data: data.brands.map((b) => ({ ...b, institutionId: draft.id })) });
  await tx.institution.update({ where: { id: draft.id }, data: { apiFamilies: data.apiFamilies } });
}

async function saveContacts(tx: Tx, draft: Draft, data: StepData<"contacts">) {
  for (const [kind, contact] of [
    ["TECHNICAL", data.technical],
    ["BILLING", data.billing],
  ] as const) {
    const fields = { name: contact.name, email: contact.email, phone: contact.phone ?? null };
    await tx.contact.upsert({
      where: { institutionId_kind: { institutionId: draft.id, kind } },
      create: { ...fields, kind, institutionId: draft.id },
      update: fields,
    });
  }
}

async function saveDeployment(ctx: DomainContext, tx: Tx, draft: Draft, data: StepData<"deployment">) {
  if (data.mode === "SAAS" && !ctx.settings.saasRegions.includes(data.region)) {
    throw new AppError(
      "BAD_INPUT",
      `Opus does not run SaaS tenants in ${data.region}. Choose one of: ${ctx.settings.saasRegions.join(", ")}.`,
      {
        fields: { region: "not an Opus SaaS region" },
      },
    );
  }
  if (data.mode !== "MANAGED") {
    await tx.managedAccount.deleteMany({ where: { institutionId: draft.id } });
    await tx.institution.update({
      where: { id: draft.id },
      data: { deploymentMode: data.mode, region: data.mode === "SAAS" ? data.region : null },
    });
    return;
  }
  const { credentials, mode, credentialsSource, ...account } = data;
  if (credentialsSource === "AGENT") {
    // The agent holds them in the customer's cluster: nothing is stored, and anything stored goes.
    if (credentials) {
      throw new AppError("BAD_INPUT", "With the agent, the cluster's and servers' credentials stay in your cluster: do not send them.", {
        fields: { credentials: "not sent when the agent holds them" },
      });
    }
    const agentAccount = { ...account, credentialsSource, credentialsCiphertext: "" };
    await tx.managedAccount.upsert({
      where: { institutionId: draft.id },
      create: { ...agentAccount, institutionId: draft.id },
      update: agentAccount,
    });
    await tx.institution.update({ where: { id: draft.id }, data: { deploymentMode: mode, region: account.region } });
    return;
  }
  const stored = await tx.managedAccount.findUnique({ where: { institutionId: draft.id }, select: { credentialsCiphertext: true } });
  if (!credentials && !stored?.credentialsCiphertext) {
    throw new AppError("BAD_INPUT", "Give the cluster's kubeconfig and the gateway, database and queue access Opus will deploy with.", {
      fields: { credentials: "required" },
    });
  }
  // Stored encrypted as one document; only the worker decrypts it, and the API never returns it.
  const sealed = credentials ? { credentialsCiphertext: ctx.ports.cipher.encrypt(JSON.stringify(credentials)) } : {};
  await tx.managedAccount.upsert({
    where: { institutionId: draft.id },
    create: { ...account, credentialsSource, credentialsCiphertext: sealed.credentialsCiphertext ?? "", institutionId: draft.id },
    update: { ...account, credentialsSource, ...sealed },
  });
  await tx.institution.update({ where: { id: draft.id }, data: { deploymentMode: mode, region: account.region } });
}

async function saveEnvironments(tx: Tx, draft: Draft, data: StepData<"environments">) {
  const plan = await tx.plan.findFirst({ where: { id: data.planId, active: true }, select: { id: true } });
  if (!plan) throw new AppError("BAD_INPUT", "Choose one of the available plans.", { fields: { planId: "unknown plan" } });
  await tx.institution.update({ where: { id: draft.id }, data: { planId: plan.id } });
  await tx.environment.deleteMany({ where: { institutionId: draft.id, kind: { notIn: data.kinds } } });
  for (const kind of data.kinds) {
    const stackName = stackNameFor(draft.slug, kind);
    await tx.environment.upsert({
      where: { institutionId_kind: { institutionId: draft.id, kind } },
      create: { institutionId: draft.id, kind, stackName, namespace: stackName },
      update: {},
    });
  }
}
