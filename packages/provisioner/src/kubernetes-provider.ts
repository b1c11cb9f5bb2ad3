// Which cluster the tenant's Kubernetes objects go to. Every Kubernetes resource in the program
// uses this explicit provider, never Pulumi's default one, so the target is decided here alone.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { TenantProgramSpec } from "./program-spec.ts";

/**
 * Without credentials a managed tenant would silently land in whatever cluster the worker can
 * reach (Opus' own): refuse before anything runs.
 */
export function assertKubernetesTarget(spec: TenantProgramSpec): void {
  if (spec.mode === "MANAGED" && spec.target.kubeconfig === undefined) {
    throw new Error(
      `Tenant environment ${spec.tenant.slug}/${spec.environment.kind} is MANAGED but has no target.kubeconfig: ` +
        "the customer's cluster credentials are required to provision it.",
    );
  }
}

export function createKubernetesProvider(name: string, spec: TenantProgramSpec, opts: pulumi.CustomResourceOptions = {}): k8s.Provider {
  assertKubernetesTarget(spec);
  const kubeconfig = spec.target.kubeconfig;
  return new k8s.Provider(
    `${name}-k8s`,
    {
      // Managed: the customer's cluster, with the kubeconfig the control plane keeps encrypted;
      // marked secret so it is encrypted in the stack state too.
      // SaaS and self-managed: the ambient configuration (in-cluster service account or
      // KUBECONFIG) of whoever runs Pulumi.
      kubeconfig: kubeconfig === undefined ? undefined : pulumi.secret(kubeconfig),
    },
    opts,
  );
}
