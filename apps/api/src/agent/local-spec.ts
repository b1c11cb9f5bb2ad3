// Completes the spec the control plane signed with what only the customer's cluster holds: the
// kubeconfig, the gateway, the database's and the queue's admin credentials. Read from a local
// file (a mounted Secret) at every run, so a rotated Secret is used without a restart.
import { readFileSync } from "node:fs";
import { type TenantEnvironmentSpec, TenantEnvironmentSpecSchema } from "@opus/provisioner/spec";
import type { AgentSpec } from "../provisioning/agent-wire.ts";
import { parseManagedCredentials } from "../provisioning/managed-credentials.ts";
import { NotRetryableError } from "../provisioning/not-retryable.ts";

export function completeSpec(spec: AgentSpec, credentialsFile: string): { spec: TenantEnvironmentSpec; secrets: string[] } {
  let text: string;
  try {
    text = readFileSync(credentialsFile, "utf8");
  } catch (error) {
    throw new NotRetryableError(`The agent cannot read its credentials file ${credentialsFile}: ${(error as Error).message}`);
  }
  const credentials = parseManagedCredentials(text, spec.tenant.slug);
  const full = {
    ...spec,
    target: {
      cluster: spec.target.cluster,
      kubeconfig: credentials.kubeconfig,
      gatewayDomain: credentials.gateway.domain,
      gatewayNamespace: credentials.gateway.namespace,
    },
    database: credentials.database,
    queue: credentials.queue,
  };
  const checked = TenantEnvironmentSpecSchema.safeParse(full);
  if (!checked.success) throw new NotRetryableError(`The spec with the local credentials is invalid: ${checked.error.issues[0]?.message}`);
  return {
    spec: checked.data,
    secrets: [credentials.kubeconfig, credentials.database.adminPassword, credentials.queue.adminPassword],
  };
}
