// Fresh tenants in a named state, and real records inside them, for tests that must run a
// procedure for real (the authorization matrix, the audit catalogue). Written straight to the
// database, independently of the domain code under test.
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import type { Db, Enums } from "@opus/db/client";
import { recordAudit } from "../../src/domain/audit/record-audit.ts";
import { SYSTEM_SOURCE } from "../../src/domain/audit/system-source.ts";
import { specInputsHash } from "../../src/domain/environments/spec-fingerprint.ts";
import { hashInvitationToken } from "../../src/domain/members/invitation-token.ts";

export type TenantState =
  /** SaaS, live, both environments ACTIVE. */
  | "active"
  /** A draft with nothing filled in. */
  | "draft"
  /** A draft with every wizard step complete: ready to submit. */
  | "complete-draft"
  /** Waiting for Opus' review. */
  | "submitted"
  /** Suspended, environments SUSPENDED. */
  | "suspended"
  /** Offboarding, records exported, retention over, environments ACTIVE: ready to destroy. */
  | "offboarding"
  /** Self-managed and approved: install bundles may be issued. */
  | "self-managed";

export type Tenant = {
  id: string;
  slug: string;
  cnpj: string;
  organisationId: string;
  /** HOMOLOGATION first, then PRODUCTION. */
  environments: { id: string; kind: Enums.EnvironmentKind; stackName: string }[];
  env: { id: string; kind: Enums.EnvironmentKind; stackName: string };
};

let counter = 0;
const run = randomBytes(3).toString("hex");

/** A valid numeric CNPJ, different on every call (check digits computed here, not by the code under test). */
export function freshCnpj(): string {
  const base = `${String(randomInt(0, 1e8)).padStart(8, "0")}0001`;
  const digit = (digits: string, weights: number[]) => {
    const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (weights[i] ?? 0), 0);
    const rest = sum % 11;
    return rest < 2 ? "0" : String(11 - rest);
  };
  const first = digit(base, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return base + first + digit(base + first, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
}

export function freshEmail(label = "person"): string {
  return `${label}-${run}-${++counter}@example.com`;
}

const DEMO_MEMBERS = [
  { email: "ana@aurora.example", role: "ADMIN" },
  { email: "victor@aurora.example", role: "VIEWER" },
] as const;

/**
 * A new tenant in `state`. With `members`, the demo institution admin (ana) and viewer (victor)
 * are members of it too, so the matrix's member personas act on it as their own institution.
 */
export async function makeTenant(db: Db, state: TenantState, options: { members?: boolean } = {}): Promise<Tenant> {
  const n = ++counter;
  const slug = `t-${run}-${n}`;
  const cnpj = freshCnpj();
  const organisationId = randomUUID();
  const plan = await db.plan.findUniqueOrThrow({ where: { code: "growth" } });
  const now = new Date();
  const status: Enums.InstitutionStatus = {
    active: "ACTIVE",
    draft: "DRAFT",
    "complete-draft": "DRAFT",
    submitted: "SUBMITTED",
    suspended: "SUSPENDED",
    offboarding: "OFFBOARDING",
    "self-managed": "APPROVED",
  }[state] as Enums.InstitutionStatus;
  const envStatus: Enums.EnvironmentStatus =
    state === "active" || state === "offboarding" ? "ACTIVE" : state === "suspended" ? "SUSPENDED" : "PENDING";
  const filled = state !== "draft";
  const institution = await db.institution.create({
    data: {
      slug,
      legalName: `Tenant ${n} S.A.`,
      status,
      ...(filled
        ? {
            cnpj,
            organisationId,
            roles: ["DADOS", "PAGTO"],
            apiFamilies: ["accounts", "payments-pix"],
            deploymentMode: state === "self-managed" ? "SELF_MANAGED" : "SAAS",
            region: state === "self-managed" ? null : "sa-east-1",
            planId: plan.id,
            wizardStep: 5,
            brands: { create: [{ name: `Brand ${n}`, authorisationServerId: randomUUID() }] },
            contacts: {
              create: [
                { kind: "TECHNICAL", name: "Tech", email: freshEmail("tech") },
                { kind: "BILLING", name: "Billing", email: freshEmail("billing") },
              ],
            },
            environments: {
              create: (["HOMOLOGATION", "PRODUCTION"] as const).map((kind) => ({
                kind,
                status: envStatus,
                stackName: `${slug}-${kind.toLowerCase()}`,
                namespace: `${slug}-${kind.toLowerCase()}`,
              })),
            },
          }
        : {}),
      ...(state === "submitted" ? { submittedAt: now } : {}),
      ...(state === "offboarding"
        ? {
            offboardingStartedAt: new Date(now.getTime() - 100 * 86_400_000),
            retentionUntil: new Date(now.getTime() - 86_400_000),
            exportedAt: now,
          }
        : {}),
    },
    include: { environments: { orderBy: { kind: "asc" }, select: { id: true, kind: true, stackName: true } } },
  });
  if (options.members) {
    for (const member of DEMO_MEMBERS) {
      const user = await db.user.findUniqueOrThrow({ where: { email: member.email }, select: { id: true } });
      await db.membership.create({ data: { userId: user.id, institutionId: institution.id, role: member.role } });
    }
  }
  const env = institution.environments[0] ?? { id: "no-environment", kind: "HOMOLOGATION" as const, stackName: "" };
  return { id: institution.id, slug, cnpj, organisationId, environments: institution.environments, env };
}

/** A person of their own with a VIEWER membership of `institutionId`. */
export async function makeMembership(db: Db, institutionId: string) {
  const user = await db.user.create({ data: { id: randomUUID(), email: freshEmail("member"), name: "Member", emailVerified: true } });
  return db.membership.create({ data: { userId: user.id, institutionId, role: "VIEWER" } });
}

/** A pending invitation; the token is returned so a test can open it. */
export async function makeInvitation(db: Db, institutionId: string) {
  const token = randomBytes(24).toString("base64url");
  const inviter = await db.user.findUniqueOrThrow({ where: { email: "admin@opus.example" }, select: { id: true } });
  const invitation = await db.invitation.create({
    data: {
      institutionId,
      email: freshEmail("invitee"),
      role: "VIEWER",
      tokenHash: hashInvitationToken(token),
      invitedById: inviter.id,
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
    },
  });
  return { ...invitation, token };
}

/** A queued operation with one log line on the tenant's first environment. */
export async function makeOperation(db: Db, tenant: Tenant, kind: Enums.OperationKind = "PREVIEW") {
  const operation = await db.operation.create({
    data: { environmentId: tenant.env.id, stackName: tenant.env.stackName, kind, idempotencyKey: `fixture:${randomUUID()}` },
  });
  await db.operationLog.create({ data: { operationId: operation.id, line: "fixture log line" } });
  return operation;
}

/** A preview that succeeded with the tenant's current records, so it can be approved. */
export async function makeSucceededPreview(db: Db, tenant: Tenant) {
  const operation = await makeOperation(db, tenant, "PREVIEW");
  const inputsHash = await specInputsHash(db, tenant.env.id);
  return db.operation.update({
    where: { id: operation.id },
    data: {
      status: "SUCCEEDED",
      finishedAt: new Date(),
      specInputsHash: inputsHash,
      specHash: "f".repeat(64),
      specReleaseVersion: "3.5.0",
    },
  });
}

/**
 * An open go-live roadmap (Delivery Manager: the Opus operator). `ready`: every manual stage done
 * and valid BRCAC and BRSEAL on file, so only go-live itself is open (the environments of an active
 * tenant are active).
 */
export async function makeGoLivePlan(db: Db, institutionId: string, options: { ready?: boolean } = {}) {
  const manager = await db.user.findUniqueOrThrow({ where: { email: "operator@opus.example" }, select: { id: true } });
  const stages = [
    "ENVIRONMENTS",
    "OPENID_CERTIFICATION",
    "CONSENT_SCREENS",
    "INTEGRATION_LAYER",
    "MIGRATION",
    "FINAL_TESTS_DIRECTORY",
    "DIRECTORY_CERTIFICATES",
    "GO_LIVE",
  ] as const;
  const plan = await db.goLivePlan.create({
    data: {
      institutionId,
      deliveryManagerId: manager.id,
      stages: {
        create: stages.map((stage) => ({
          stage,
          institutionId,
          state: options.ready && stage !== "GO_LIVE" ? ("DONE" as const) : ("NOT_STARTED" as const),
        })),
      },
    },
  });
  if (options.ready) {
    await makeCertificateRow(db, institutionId);
    await makeCertificateRow(db, institutionId, "BRSEAL");
  }
  return plan;
}

export async function makeCertificateRow(db: Db, institutionId: string, kind: "BRCAC" | "BRSEAL" = "BRCAC") {
  const uploader = await db.user.findUniqueOrThrow({ where: { email: "admin@opus.example" }, select: { id: true } });
  return db.certificate.create({
    data: {
      institutionId,
      kind,
      pem: "-----BEGIN CERTIFICATE-----\nfixture\n-----END CERTIFICATE-----",
      subject: "CN=fixture",
      issuer: "CN=fixture CA",
      serialNumber: randomBytes(8).toString("hex"),
      fingerprintSha256: randomBytes(32).toString("hex"),
      notBefore: new Date(Date.now() - 86_400_000),
      notAfter: new Date(Date.now() + 365 * 86_400_000),
      uploadedById: uploader.id,
    },
  });
}

export async function makeApiKey(db: Db, institutionId: string) {
  const creator = await db.user.findUniqueOrThrow({ where: { email: "admin@opus.example" }, select: { id: true } });
  return db.apiKey.create({
    data: {
      institutionId,
      name: "fixture key",
      purpose: "USAGE_REPORTING",
      prefix: "opus_uk_fixtur",
      keyHash: randomBytes(32).toString("hex"),
      createdById: creator.id,
    },
  });
}

export async function makeAuditEvent(db: Db, institutionId: string) {
  return db.$transaction(async (tx) => {
    const { id } = await recordAudit(tx, SYSTEM_SOURCE, {
      action: "institution.exported",
      institutionId,
      targetType: "institution",
      targetId: institutionId,
    });
    return tx.auditEvent.findUniqueOrThrow({ where: { id } });
  });
}

/** A four-eyes request by someone who is none of the matrix's personas. */
export async function makeApprovalRequest(db: Db, institutionId: string) {
  const requester = await db.user.create({
    data: { id: randomUUID(), email: freshEmail("requester"), name: "Requester", emailVerified: true, staffRole: "OPERATOR" },
  });
  return db.approvalRequest.create({ data: { institutionId, action: "SUSPEND", reason: "fixture", requestedById: requester.id } });
}

export async function makeSignupRequest(db: Db) {
  return db.signupRequest.create({
    data: { email: freshEmail("signup"), name: "Signup", passwordHash: "not-a-real-hash", legalName: "Signup S.A.", cnpj: freshCnpj() },
  });
}

export function freshCode(label: string): string {
  return `${label}_${run}_${++counter}`;
}

/** A pending adjustment asked for by someone who is none of the matrix's personas. */
export async function makeAdjustment(db: Db, institutionId: string) {
  const requester = await db.user.create({
    data: { id: randomUUID(), email: freshEmail("biller"), name: "Biller", emailVerified: true, staffRole: "BILLING" },
  });
  return db.usageAdjustment.create({
    data: { institutionId, month: "2099-01", amountCentavos: -100n, reason: "fixture", requestedById: requester.id },
  });
}

/** A finalized (immutable) usage report row for `month`. */
export async function finalizedReport(db: Db, institutionId: string, month: string) {
  return db.usageReport.create({
    data: { institutionId, month, canonical: "{}", contentSha256: "0".repeat(64), totalCentavos: 0n, finalizedAt: new Date() },
  });
}
