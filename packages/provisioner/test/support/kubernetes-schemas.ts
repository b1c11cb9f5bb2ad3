// Validates the objects the program sends to Kubernetes against the Kubernetes OpenAPI schemas
// (kubernetes-models), which catches what mocks cannot: a misspelt field, a wrong type, an enum
// value the API server would reject.
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { Job } from "kubernetes-models/batch/v1/Job";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { Role } from "kubernetes-models/rbac.authorization.k8s.io/v1/Role";
import { RoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding";
import { LimitRange } from "kubernetes-models/v1/LimitRange";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { ResourceQuota } from "kubernetes-models/v1/ResourceQuota";
import { Secret } from "kubernetes-models/v1/Secret";
import { Service } from "kubernetes-models/v1/Service";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import { type RecordedResource, revealSecrets } from "./pulumi-mocks.ts";

type Validatable = { validate(): void };
// biome-ignore lint/suspicious/noExplicitAny: each model takes its own object type
type ModelClass = new (data: any) => Validatable;

const MODELS: Record<string, ModelClass> = {
  "kubernetes:core/v1:Namespace": Namespace,
  "kubernetes:core/v1:ResourceQuota": ResourceQuota,
  "kubernetes:core/v1:LimitRange": LimitRange,
  "kubernetes:core/v1:ServiceAccount": ServiceAccount,
  "kubernetes:core/v1:Secret": Secret,
  "kubernetes:core/v1:Service": Service,
  "kubernetes:networking.k8s.io/v1:NetworkPolicy": NetworkPolicy,
  "kubernetes:networking.k8s.io/v1:Ingress": Ingress,
  "kubernetes:rbac.authorization.k8s.io/v1:Role": Role,
  "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding": RoleBinding,
  "kubernetes:apps/v1:Deployment": Deployment,
  "kubernetes:autoscaling/v2:HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "kubernetes:batch/v1:Job": Job,
};

/** Kubernetes object resources (not providers, not Helm releases, which are not API objects). */
export function kubernetesObjects(resources: RecordedResource[]): RecordedResource[] {
  return resources.filter((r) => r.custom && r.type.startsWith("kubernetes:") && r.type !== "kubernetes:helm.sh/v3:Release");
}

/** The object as the API server would receive it. */
export function toManifest(resource: RecordedResource): Record<string, unknown> {
  return revealSecrets(resource.inputs) as Record<string, unknown>;
}

/** Throws with the schema's own message if the object is invalid, or if its kind has no model here. */
export function validateKubernetesObject(type: string, manifest: Record<string, unknown>): void {
  const Model = MODELS[type];
  if (!Model) throw new Error(`No Kubernetes schema registered for ${type}: add it to MODELS`);
  new Model(manifest).validate();
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * Name rules the OpenAPI schema does not carry but the API server enforces: namespaces (and
 * services) are DNS labels, most other objects DNS subdomains.
 */
export function nameProblems(type: string, manifest: Record<string, unknown>): string[] {
  const metadata = (manifest.metadata ?? {}) as { name?: string; namespace?: string };
  const problems: string[] = [];
  const labelKinds = ["kubernetes:core/v1:Namespace", "kubernetes:core/v1:Service"];
  const name = metadata.name ?? "";
  if (labelKinds.includes(type) ? !(DNS_LABEL.test(name) && name.length <= 63) : !(DNS_SUBDOMAIN.test(name) && name.length <= 253)) {
    problems.push(`${type} has an invalid name "${name}"`);
  }
  if (metadata.namespace !== undefined && !(DNS_LABEL.test(metadata.namespace) && metadata.namespace.length <= 63)) {
    problems.push(`${type} ${name} has an invalid namespace "${metadata.namespace}"`);
  }
  return problems;
}
