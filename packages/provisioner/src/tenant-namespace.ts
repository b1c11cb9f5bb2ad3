// The tenant's slice of a cluster: a labelled namespace whose size is capped by the plan
// (ResourceQuota), whose containers get sane defaults (LimitRange), whose traffic is denied unless
// allowed (TenantNetworkPolicies) and whose workloads run under a least-privilege identity
// (TenantWorkloadAccess).
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { NetworkAllowances } from "./network-allowances.ts";
import type { PlanSizing } from "./plan-sizing.ts";
import { type NetworkEndpoint, TenantNetworkPolicies } from "./tenant-network-policies.ts";
import { TenantWorkloadAccess } from "./tenant-workload-access.ts";

export type TenantNamespaceArgs = {
  /** Kubernetes name of the namespace. */
  namespace: string;
  labels: Record<string, string>;
  sizing: PlanSizing;
  /** Namespace of the shared ingress gateway, the only source of inbound traffic. */
  gatewayNamespace: string;
  database: NetworkEndpoint;
  queue: NetworkEndpoint;
  /** Open Finance, usage reporting and monitoring openings (network-allowances.ts). */
  network: NetworkAllowances;
  /** Secrets the platform's workloads may read through the Kubernetes API. */
  readableSecrets: string[];
};

export class TenantNamespace extends pulumi.ComponentResource {
  /** The namespace's name, resolved only once it exists, so dependents wait for it. */
  public readonly name: pulumi.Output<string>;
  public readonly serviceAccountName: pulumi.Output<string>;

  constructor(name: string, args: TenantNamespaceArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("opus:tenant:Namespace", name, {}, opts);

    const namespace = new k8s.core.v1.Namespace(
      `${name}-namespace`,
      {
        metadata: {
          name: args.namespace,
          labels: {
            ...args.labels,
            // Pod Security Admission: refuse privileged pods outright, and warn about anything
            // short of "restricted" so the chart can be tightened without breaking installs.
            "pod-security.kubernetes.io/enforce": "baseline",
            "pod-security.kubernetes.io/warn": "restricted",
            "pod-security.kubernetes.io/audit": "restricted",
          },
        },
      },
      { parent: this },
    );
    this.name = namespace.metadata.name;
    const metadata = (objectName: string) => ({ name: objectName, namespace: this.name, labels: args.labels });

    const { quota, container } = args.sizing;
    new k8s.core.v1.ResourceQuota(
      `${name}-quota`,
      {
        metadata: metadata("tenant-quota"),
        spec: {
          hard: {
            "requests.cpu": quota.requestsCpu,
            "requests.memory": quota.requestsMemory,
            "limits.cpu": quota.limitsCpu,
            "limits.memory": quota.limitsMemory,
            pods: String(quota.pods),
            services: String(quota.services),
            persistentvolumeclaims: String(quota.persistentVolumeClaims),
            "requests.storage": quota.requestsStorage,
            // Tenants are reached only through the shared gateway: no load balancers or node
            // ports that would bypass it (and its WAF) or cost money per tenant.
            "services.loadbalancers": "0",
            "services.nodeports": "0",
          },
        },
      },
      { parent: this },
    );

    // With a quota on requests/limits, a pod that declares none is rejected; the defaults here
    // keep such pods schedulable, and `max` keeps one container from taking the whole quota.
    new k8s.core.v1.LimitRange(
      `${name}-limits`,
      {
        metadata: metadata("tenant-limits"),
        spec: {
          limits: [
            {
              type: "Container",
              default: { cpu: container.defaultCpu, memory: container.defaultMemory },
              defaultRequest: { cpu: container.defaultRequestCpu, memory: container.defaultRequestMemory },
              max: { cpu: container.maxCpu, memory: container.maxMemory },
            },
          ],
        },
      },
      { parent: this },
    );

    new TenantNetworkPolicies(
      `${name}-network`,
      {
        namespace: this.name,
        labels: args.labels,
        gatewayNamespace: args.gatewayNamespace,
        database: args.database,
        queue: args.queue,
        allowances: args.network,
      },
      { parent: this },
    );

    const access = new TenantWorkloadAccess(
      `${name}-access`,
      { namespace: this.name, labels: args.labels, readableSecrets: args.readableSecrets },
      { parent: this },
    );
    this.serviceAccountName = access.serviceAccountName;

    this.registerOutputs({ name: this.name, serviceAccountName: this.serviceAccountName });
  }
}
