// The tenant program's input. It is the control plane's TenantEnvironmentSpec widened in two ways
// that only the program needs:
// - credentials may arrive as Pulumi secrets (pulumi/tenant reads them with config.requireSecret),
//   not only as plain strings (the worker decrypts them from its database);
// - SELF_MANAGED mode and usage reporting, which only a customer's own run (pulumi/tenant driven
//   by an install bundle) uses. The control plane's schema keeps refusing SELF_MANAGED, so its
//   worker can never provision a self-managed tenant into Opus' own cluster.
// A TenantEnvironmentSpec is assignable to TenantProgramSpec.
import type * as pulumi from "@pulumi/pulumi";
import type { DEPLOYMENT_MODES, TenantEnvironmentSpec } from "./spec.ts";

export type DeploymentMode = (typeof DEPLOYMENT_MODES)[number];

type Credential = pulumi.Input<string>;

export type TenantProgramSpec = Omit<TenantEnvironmentSpec, "mode" | "target" | "database" | "queue"> & {
  mode: DeploymentMode;
  target: Omit<TenantEnvironmentSpec["target"], "kubeconfig"> & { kubeconfig?: Credential };
  database: Omit<TenantEnvironmentSpec["database"], "adminPassword"> & { adminPassword: Credential };
  queue: Omit<TenantEnvironmentSpec["queue"], "adminPassword"> & { adminPassword: Credential };
  /** Self-managed installations report usage to Opus with a token issued at registration. */
  usageReporting?: { endpoint: string; token: Credential };
};
