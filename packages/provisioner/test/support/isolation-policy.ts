// A policy-as-code check over the program's Kubernetes objects, in the spirit of a Pulumi policy
// pack: every namespace is closed by default, and the only openings are the ones the platform
// needs. Written against the manifests, not against the program's code, so it also catches a
// policy someone adds later.

import { toManifest } from "./kubernetes-schemas.ts";
import type { RecordedResource } from "./pulumi-mocks.ts";

export type IsolationRules = {
  gatewayNamespace: string;
  /** Namespace allowed in on one TCP port only (Prometheus scraping). */
  monitoring: { namespace: string; port: number };
  /** ipBlock destinations allowed, each on one TCP port, with the exceptions it must keep. */
  externalEgress: { cidr: string; port: number; except?: string[] }[];
};

type LabelSelector = { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
type Peer = { podSelector?: LabelSelector; namespaceSelector?: LabelSelector; ipBlock?: { cidr: string; except?: string[] } };
type Port = { protocol?: string; port?: number | string; endPort?: number };
type Rule = { from?: Peer[]; to?: Peer[]; ports?: Port[] };
type PolicySpec = { podSelector: LabelSelector; policyTypes?: string[]; ingress?: Rule[]; egress?: Rule[] };
type Policy = { name: string; namespace: string; spec: PolicySpec };

const NAMESPACE_NAME = "kubernetes.io/metadata.name";

const isEmptySelector = (s: LabelSelector | undefined) =>
  s !== undefined && Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0;

const selectsNamespace = (peer: Peer, name: string) =>
  peer.namespaceSelector?.matchLabels?.[NAMESPACE_NAME] === name && peer.ipBlock === undefined;

const sameNamespaceOnly = (peer: Peer) => peer.podSelector !== undefined && !peer.namespaceSelector && !peer.ipBlock;

export function isolationViolations(resources: RecordedResource[], rules: IsolationRules): string[] {
  const namespaces = resources
    .filter((r) => r.type === "kubernetes:core/v1:Namespace")
    .map((r) => (toManifest(r).metadata as { name: string }).name);
  const policies: Policy[] = resources
    .filter((r) => r.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy")
    .map((r) => {
      const manifest = toManifest(r) as { metadata: { name: string; namespace: string }; spec: PolicySpec };
      return { name: manifest.metadata.name, namespace: manifest.metadata.namespace, spec: manifest.spec };
    });

  const violations: string[] = [];
  for (const namespace of namespaces) {
    const denyAll = policies.some(
      (p) =>
        p.namespace === namespace &&
        isEmptySelector(p.spec.podSelector) &&
        ["Ingress", "Egress"].every((t) => p.spec.policyTypes?.includes(t)) &&
        (p.spec.ingress ?? []).length === 0 &&
        (p.spec.egress ?? []).length === 0,
    );
    if (!denyAll) violations.push(`namespace ${namespace} has no default-deny (ingress and egress) NetworkPolicy`);
  }

  for (const policy of policies) {
    const where = `${policy.namespace}/${policy.name}`;
    for (const rule of policy.spec.ingress ?? []) {
      const from = rule.from ?? [];
      if (from.length === 0) violations.push(`${where}: ingress from anywhere`);
      for (const peer of from) {
        if (sameNamespaceOnly(peer) || selectsNamespace(peer, rules.gatewayNamespace)) continue;
        if (selectsNamespace(peer, rules.monitoring.namespace)) {
          const ports = rule.ports ?? [];
          const metricsOnly =
            ports.length > 0 && ports.every((p) => p.port === rules.monitoring.port && (p.protocol ?? "TCP") === "TCP" && !p.endPort);
          if (!metricsOnly) violations.push(`${where}: ingress from ${rules.monitoring.namespace} beyond TCP ${rules.monitoring.port}`);
          continue;
        }
        violations.push(`${where}: ingress from ${JSON.stringify(peer)}`);
      }
    }
    for (const rule of policy.spec.egress ?? []) {
      violations.push(...egressViolations(where, rule, rules));
    }
  }
  return violations;
}

function egressViolations(where: string, rule: Rule, rules: IsolationRules): string[] {
  const to = rule.to ?? [];
  const ports = rule.ports ?? [];
  if (to.length === 0) return [`${where}: egress to anywhere`];
  if (to.every(sameNamespaceOnly)) return [];
  if (to.every((peer) => selectsNamespace(peer, "kube-system"))) {
    const dnsOnly = ports.length > 0 && ports.every((p) => p.port === 53 && (p.protocol === "UDP" || p.protocol === "TCP"));
    return dnsOnly ? [] : [`${where}: egress to kube-system beyond DNS (port 53)`];
  }
  const problems: string[] = [];
  for (const peer of to) {
    const allowed =
      peer.ipBlock && !peer.namespaceSelector && !peer.podSelector
        ? rules.externalEgress.find(
            (e) => e.cidr === peer.ipBlock?.cidr && JSON.stringify(e.except ?? []) === JSON.stringify(peer.ipBlock?.except ?? []),
          )
        : undefined;
    if (!allowed) {
      problems.push(`${where}: egress to ${JSON.stringify(peer)}`);
      continue;
    }
    const portsOk =
      ports.length > 0 && ports.every((p) => p.port === allowed.port && (p.protocol ?? "TCP") === "TCP" && p.endPort === undefined);
    if (!portsOk) problems.push(`${where}: egress to ${allowed.cidr} on ports other than TCP ${allowed.port}`);
  }
  return problems;
}
