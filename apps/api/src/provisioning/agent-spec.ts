// The spec the control plane hands an agent: everything but the credentials, which never leave the
// customer's cluster. The agent adds its kubeconfig, gateway, database and queue (agent/local-spec.ts).
import type { AgentSpec } from "./agent-wire.ts";
import { buildSpecBase } from "./spec-builder.ts";

export async function buildAgentSpec(
  deps: Parameters<typeof buildSpecBase>[0],
  environmentId: string,
  releaseVersion: string | null,
): Promise<{ spec: AgentSpec }> {
  const { base, tenant, refuse } = await buildSpecBase(deps, environmentId, releaseVersion);
  if (tenant.deploymentMode !== "MANAGED") throw refuse("only managed accounts are run by an agent.");
  const account = tenant.managedAccount;
  if (!account) throw refuse("it is managed but has no managed account (the customer's cloud account and cluster).");
  if (account.credentialsSource !== "AGENT") throw refuse("its credentials are stored with the control plane, whose workers run it.");
  return { spec: { ...base, mode: "MANAGED", target: { cluster: account.clusterName } } };
}
