// Answers "would this connection pass?" for a namespace's NetworkPolicies, the way the Kubernetes
// NetworkPolicy API defines it: a pod selected by no policy of a direction is open in that
// direction; once selected, a connection passes only if some rule of some selecting policy admits
// both its peer and its port. Every tenant policy selects all pods, so the evaluator does too.
// IPv4 only (the fixtures' ranges).
import { toManifest } from "./kubernetes-schemas.ts";
import type { RecordedResource } from "./pulumi-mocks.ts";

type Peer = {
  podSelector?: { matchLabels?: Record<string, string> };
  namespaceSelector?: { matchLabels?: Record<string, string> };
  ipBlock?: { cidr: string; except?: string[] };
};
type Port = { protocol?: string; port?: number; endPort?: number };
type Rule = { from?: Peer[]; to?: Peer[]; ports?: Port[] };
type PolicySpec = { policyTypes?: string[]; ingress?: Rule[]; egress?: Rule[] };

/** The other end of a connection: an address outside the cluster, or a pod of a namespace. */
export type Endpoint = { ip: string } | { namespace: string };
export type Connection = { peer: Endpoint; port: number; protocol?: "TCP" | "UDP" };

function ipv4(address: string): number {
  const parts = address.split(".").map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new Error(`not IPv4: ${address}`);
  return parts.reduce((n, p) => n * 256 + p, 0);
}

function inCidr(address: string, cidr: string): boolean {
  const [base = "", bits = "32"] = cidr.split("/");
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ipv4(address) / size) === Math.floor(ipv4(base) / size);
}

function peerMatches(peer: Peer, endpoint: Endpoint, ownNamespace: string): boolean {
  if ("ip" in endpoint) {
    if (!peer.ipBlock) return false;
    return inCidr(endpoint.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((e) => inCidr(endpoint.ip, e));
  }
  if (peer.ipBlock) return false;
  if (peer.namespaceSelector) {
    const labels = { "kubernetes.io/metadata.name": endpoint.namespace };
    return Object.entries(peer.namespaceSelector.matchLabels ?? {}).every(([k, v]) => labels[k as keyof typeof labels] === v);
  }
  // A podSelector without a namespaceSelector means pods of the policy's own namespace.
  return endpoint.namespace === ownNamespace;
}

function portMatches(ports: Port[] | undefined, connection: Connection): boolean {
  if (!ports || ports.length === 0) return true;
  const protocol = connection.protocol ?? "TCP";
  return ports.some(
    (p) =>
      (p.protocol ?? "TCP") === protocol &&
      (p.port === undefined || (p.endPort ? connection.port >= p.port && connection.port <= p.endPort : connection.port === p.port)),
  );
}

export function networkPolicyEvaluator(resources: RecordedResource[], namespace: string) {
  const specs = resources
    .filter((r) => r.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy")
    .map((r) => toManifest(r) as { metadata: { namespace: string }; spec: PolicySpec })
    .filter((m) => m.metadata.namespace === namespace)
    .map((m) => m.spec);

  const allows = (direction: "Ingress" | "Egress", connection: Connection) => {
    const selecting = specs.filter((s) => s.policyTypes?.includes(direction));
    if (selecting.length === 0) return true;
    return selecting.some((s) =>
      ((direction === "Ingress" ? s.ingress : s.egress) ?? []).some((rule) => {
        const peers = direction === "Ingress" ? rule.from : rule.to;
        const peerOk = !peers || peers.length === 0 || peers.some((p) => peerMatches(p, connection.peer, namespace));
        return peerOk && portMatches(rule.ports, connection);
      }),
    );
  };
  return {
    egress: (connection: Connection) => allows("Egress", connection),
    ingress: (connection: Connection) => allows("Ingress", connection),
  };
}
