// Network isolation of a tenant namespace: deny all traffic, then allow exactly what the platform
// needs. NetworkPolicies are additive (a packet passes if any policy allows it), so the deny-all
// policy plus narrow allowances is the only shape that stays closed when someone adds a policy.
import * as k8s from "@pulumi/kubernetes";
import type * as k8sInputs from "@pulumi/kubernetes/types/input";
import * as pulumi from "@pulumi/pulumi";
import { type AddressRange, HTTPS_PORT, type NetworkAllowances } from "./network-allowances.ts";

/** Where an external dependency (database, queue) listens, as NetworkPolicy needs it. */
export type NetworkEndpoint = { cidr: string; port: number };

export type TenantNetworkPoliciesArgs = {
  namespace: pulumi.Input<string>;
  labels: Record<string, string>;
  gatewayNamespace: string;
  database: NetworkEndpoint;
  queue: NetworkEndpoint;
  allowances: NetworkAllowances;
};

type PolicySpec = k8sInputs.networking.v1.NetworkPolicySpec;

/** Namespaces carry this label (set by Kubernetes itself since 1.21), so selecting by name is reliable. */
const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
const ALL_PODS = {};

export class TenantNetworkPolicies extends pulumi.ComponentResource {
  constructor(name: string, args: TenantNetworkPoliciesArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("opus:tenant:NetworkPolicies", name, {}, opts);

    const policy = (suffix: string, spec: PolicySpec) =>
      new k8s.networking.v1.NetworkPolicy(
        `${name}-${suffix}`,
        { metadata: { name: suffix, namespace: args.namespace, labels: args.labels }, spec },
        { parent: this },
      );

    policy("default-deny-all", { podSelector: ALL_PODS, policyTypes: ["Ingress", "Egress"] });

    policy("allow-gateway-ingress", {
      podSelector: ALL_PODS,
      policyTypes: ["Ingress"],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: args.gatewayNamespace } } }] }],
    });

    // The platform's modules (consent, authorisation server, payments…) call one another; traffic
    // that stays inside the tenant's own namespace does not cross the tenant boundary.
    policy("allow-same-namespace", {
      podSelector: ALL_PODS,
      policyTypes: ["Ingress", "Egress"],
      ingress: [{ from: [{ podSelector: ALL_PODS }] }],
      egress: [{ to: [{ podSelector: ALL_PODS }] }],
    });

    policy("allow-dns-egress", {
      podSelector: ALL_PODS,
      policyTypes: ["Egress"],
      egress: [
        {
          to: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: "kube-system" } } }],
          ports: [
            { protocol: "UDP", port: 53 },
            { protocol: "TCP", port: 53 },
          ],
        },
      ],
    });

    // Prometheus scrapes the platform's metrics port, and only that port.
    policy("allow-monitoring-ingress", {
      podSelector: ALL_PODS,
      policyTypes: ["Ingress"],
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: args.allowances.monitoringNamespace } } }],
          ports: [{ protocol: "TCP", port: args.allowances.metricsPort }],
        },
      ],
    });

    policy("allow-database-egress", egressTo([{ cidr: args.database.cidr }], args.database.port));
    policy("allow-queue-egress", egressTo([{ cidr: args.queue.cidr }], args.queue.port));
    // The Open Finance Directory (participants, keys, certificates) and the other participants' APIs.
    policy("allow-open-finance-egress", egressTo(args.allowances.openFinance, HTTPS_PORT));
    if (args.allowances.usageReporting) {
      policy("allow-usage-reporting-egress", egressTo(args.allowances.usageReporting, HTTPS_PORT));
    }

    this.registerOutputs({});
  }
}

function egressTo(ranges: AddressRange[], port: number): PolicySpec {
  return {
    podSelector: ALL_PODS,
    policyTypes: ["Egress"],
    egress: [
      {
        to: ranges.map((range) => ({ ipBlock: range.except ? { cidr: range.cidr, except: range.except } : { cidr: range.cidr } })),
        ports: [{ protocol: "TCP", port }],
      },
    ],
  };
}
