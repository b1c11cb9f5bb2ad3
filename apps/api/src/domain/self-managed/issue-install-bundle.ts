// A self-managed customer runs the platform with their own team: Opus hands them an install bundle
// (chart values, the stack configuration for pulumi/tenant, and a usage-reporting token). The token
// is an ordinary machine API key scoped to the bundle's environment; each bundle rotates the key the
// previous bundle for that environment issued (keys people created in the console are left alone).
import { createInstallBundle, reportAgentOrigin } from "@opus/provisioner/install-bundle";
import { tenantNames } from "@opus/provisioner/naming";
import { installBundleRefusal } from "@opus/rules/environment-operations";
import { AppError } from "../../errors/app-error.ts";
import { newApiKey } from "../api-keys/api-key-secret.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { registeredModules } from "../releases/release-modules.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
import { USAGE_EVENTS_PATH } from "../usage/usage-events-path.ts";

/** Values only the customer knows; the bundle's README tells them to replace these. */
const CUSTOMER_SETS = "CHANGE-ME";

export async function issueInstallBundle(ctx: DomainContext, input: { institutionId: string; environmentId: string }) {
  const db = scopedDb(ctx, input.institutionId);
  const environment = await db.environment.findUnique({
    where: { id: input.environmentId },
    select: {
      id: true,
      kind: true,
      releaseVersion: true,
      institution: {
        select: { id: true, slug: true, legalName: true, status: true, deploymentMode: true, plan: { select: { size: true } } },
      },
    },
  });
  if (!environment) throw new AppError("NOT_FOUND", "Environment not found.");
  const { institution } = environment;
  const refusal = installBundleRefusal(institution);
  if (refusal) throw new AppError(refusal.code, refusal.message);
  const release = ctx.settings.platformRelease;
  const version = environment.releaseVersion ?? release.version;
  const modules = await registeredModules(ctx.db, version);
  const { key, prefix, keyHash } = newApiKey();
  const target = { cluster: CUSTOMER_SETS, gatewayDomain: `${CUSTOMER_SETS}.example`, gatewayNamespace: "kong" };
  const names = tenantNames({ tenant: institution, environment, target });
  const bundle = createInstallBundle({
    usageReportingToken: key,
    // The installation's reports go out through its report-only agent (the agent image), to this control plane.
    reportAgent: { controlPlaneUrl: ctx.settings.publicUrl, ...(ctx.settings.agentImage ? { image: ctx.settings.agentImage } : {}) },
    config: {
      tenant: { id: institution.id, slug: institution.slug, legalName: institution.legalName },
      environment: { id: environment.id, kind: environment.kind },
      mode: "SELF_MANAGED",
      planSize: institution.plan?.size ?? "SMALL",
      release: { ...release, version, ...(modules ? { modules } : {}) },
      target,
      database: {
        host: `postgres.${CUSTOMER_SETS}.internal`,
        port: 5432,
        adminUser: "postgres",
        sslMode: "verify-full",
        cidr: "10.0.0.0/8",
      },
      queue: {
        kind: "rabbitmq",
        endpoint: `https://rabbitmq.${CUSTOMER_SETS}.internal:15671`,
        adminUser: "opus",
        host: `rabbitmq.${CUSTOMER_SETS}.internal`,
        port: 5671,
        cidr: "10.0.0.0/8",
      },
      // The platform reports to the agent beside it, never straight out of the cluster.
      usageReporting: { endpoint: `${reportAgentOrigin(names.namespace)}${USAGE_EVENTS_PATH}` },
    },
  });
  const now = ctx.clock.now();
  await audited(ctx, db, async (tx) => {
    await tx.apiKey.updateMany({
      where: { institutionId: institution.id, environmentId: environment.id, origin: "INSTALL_BUNDLE", revokedAt: null },
      data: { revokedAt: now, revokedById: ctx.actor.userId },
    });
    const created = await tx.apiKey.create({
      data: {
        institutionId: institution.id,
        environmentId: environment.id,
        name: `Install bundle (${environment.kind.toLowerCase()})`,
        purpose: "USAGE_REPORTING",
        origin: "INSTALL_BUNDLE",
        prefix,
        keyHash,
        createdById: ctx.actor.userId,
      },
      select: { id: true },
    });
    return {
      result: created,
      audit: {
        action: "install_bundle.issued",
        institutionId: institution.id,
        targetType: "environment",
        targetId: environment.id,
        data: { apiKeyId: created.id, keyPrefix: prefix, release: release.version },
      },
    };
  });
  return { ...bundle, keyPrefix: prefix };
}
