// Turns an environment of the database into the one input of the tenant program. The only place
// that decrypts a managed account's credentials: they exist in plain text in the worker's memory
// for the duration of a run, and are returned in `secrets` so logs and outputs can be scrubbed.
import type { Db } from "@opus/db/client";
import { type TenantEnvironmentSpec, TenantEnvironmentSpecSchema } from "@opus/provisioner/spec";
import { programModules, registeredModules } from "../domain/releases/release-modules.ts";
import type { CredentialsOpener } from "../lib/credentials-envelope.ts";
import { kubeconfigSecrets } from "./kubeconfig-secrets.ts";
import { parseManagedCredentials } from "./managed-credentials.ts";
import { NotRetryableError } from "./not-retryable.ts";
import type { ProvisioningConfig } from "./provisioning-config.ts";

export type BuiltSpec = { spec: TenantEnvironmentSpec; secrets: string[] };

export type SpecDeps = { db: Db; cipher: CredentialsOpener; config: ProvisioningConfig };

/**
 * What every spec shares (tenant, environment, plan size, release), after the refusals every run
 * shares. An agent's spec (agent-spec.ts) is this plus the cluster's name: it adds the rest locally.
 */
export async function buildSpecBase(
  deps: { db: Db; config: Pick<ProvisioningConfig, "defaultRelease"> },
  environmentId: string,
  releaseVersion: string | null,
) {
  const environment = await deps.db.environment.findUniqueOrThrow({
    where: { id: environmentId },
    select: {
      id: true,
      kind: true,
      releaseVersion: true,
      institution: {
        select: {
          id: true,
          slug: true,
          legalName: true,
          deploymentMode: true,
          region: true,
          plan: { select: { size: true } },
          managedAccount: { select: { clusterName: true, credentialsCiphertext: true, credentialsSource: true } },
        },
      },
    },
  });
  const tenant = environment.institution;
  const refuse = (why: string) => new NotRetryableError(`Cannot provision ${tenant.slug} (${environment.kind.toLowerCase()}): ${why}`);

  if (tenant.deploymentMode === "SELF_MANAGED")
    throw refuse("it is self-managed; the customer runs the platform and Opus provisions nothing.");
  if (!tenant.deploymentMode) throw refuse("no deployment mode is chosen.");
  if (!tenant.plan) throw refuse("no plan is chosen, so there is nothing to size the namespace by.");

  const { version } = deps.config.defaultRelease;
  const running = environment.releaseVersion ?? version;
  let release: TenantEnvironmentSpec["release"] = { ...deps.config.defaultRelease, version: running };
  if (releaseVersion) {
    const registered = await deps.db.release.findUnique({ where: { version: releaseVersion } });
    if (!registered) throw refuse(`release ${releaseVersion} is not in the release registry.`);
    if (registered.status === "WITHDRAWN" || registered.status === "DRAFT") {
      throw refuse(`release ${releaseVersion} is ${registered.status.toLowerCase()}, so nothing may be moved onto it.`);
    }
    release = {
      version: registered.version,
      chart: registered.chart,
      repository: registered.chartRepository,
      modules: programModules(registered.modules),
    };
  } else {
    // Redeploying what runs: its registered modules keep their roles and queue users.
    const modules = await registeredModules(deps.db, running);
    if (modules) release = { ...release, modules };
  }
  const base = {
    tenant: { id: tenant.id, slug: tenant.slug, legalName: tenant.legalName },
    environment: { id: environment.id, kind: environment.kind },
    planSize: tenant.plan.size,
    // An environment keeps its release; moving it to another one is a rollout's (or a person's) decision.
    release,
  };

  return { base, tenant, environment, refuse };
}

/** `releaseVersion`: the release the operation deploys (a rollout's, from the registry); null keeps the environment's. */
export async function buildTenantSpec(deps: SpecDeps, environmentId: string, releaseVersion: string | null = null): Promise<BuiltSpec> {
  const { base, tenant, refuse } = await buildSpecBase(deps, environmentId, releaseVersion);
  let built: BuiltSpec;
  if (tenant.deploymentMode === "SAAS") {
    const region = tenant.region ? deps.config.saasRegions[tenant.region] : undefined;
    if (!region) {
      const known = Object.keys(deps.config.saasRegions).join(", ");
      throw refuse(`the SaaS region "${tenant.region ?? "(none)"}" is not configured (SAAS_REGIONS has: ${known}).`);
    }
    const spec = {
      ...base,
      mode: "SAAS" as const,
      // No kubeconfig: the shared cluster is the worker's own (in-cluster service account or KUBECONFIG).
      target: { cluster: region.cluster, gatewayDomain: region.gatewayDomain, gatewayNamespace: region.gatewayNamespace },
      database: region.database,
      queue: region.queue,
      ...(region.network ? { network: region.network } : {}),
    };
    built = { spec, secrets: [region.database.adminPassword, region.queue.adminPassword] };
  } else {
    const account = tenant.managedAccount;
    if (!account) throw refuse("it is managed but has no managed account (the customer's cloud account and cluster).");
    if (account.credentialsSource === "AGENT") throw refuse("its credentials stay with its agent, which alone runs its operations.");
    const credentials = parseManagedCredentials(deps.cipher.decrypt(account.credentialsCiphertext), tenant.slug);
    const spec = {
      ...base,
      mode: "MANAGED" as const,
      target: {
        cluster: account.clusterName,
        kubeconfig: credentials.kubeconfig,
        gatewayDomain: credentials.gateway.domain,
        gatewayNamespace: credentials.gateway.namespace,
      },
      database: credentials.database,
      queue: credentials.queue,
    };
    built = {
      spec,
      secrets: [...kubeconfigSecrets(credentials.kubeconfig), credentials.database.adminPassword, credentials.queue.adminPassword],
    };
  }

  const checked = TenantEnvironmentSpecSchema.safeParse(built.spec);
  if (!checked.success) {
    throw refuse(`its specification is invalid (${checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}).`);
  }
  return { spec: checked.data, secrets: built.secrets };
}
