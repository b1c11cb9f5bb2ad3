// Labels on everything the program creates in Kubernetes: the opus.io ones let operators and
// policies select a tenant's objects across clusters; the app.kubernetes.io ones are what
// dashboards and kubectl tooling already understand.
type LabelInput = {
  tenant: { id: string; slug: string };
  environment: { kind: string };
  mode: string;
  planSize: string;
};

export const TENANT_LABEL = "opus.io/tenant";
export const ENVIRONMENT_LABEL = "opus.io/environment";

export function tenantLabels(spec: LabelInput): Record<string, string> {
  return {
    [TENANT_LABEL]: spec.tenant.slug,
    "opus.io/tenant-id": labelValue(spec.tenant.id),
    [ENVIRONMENT_LABEL]: spec.environment.kind.toLowerCase(),
    "opus.io/deployment-mode": spec.mode.toLowerCase().replaceAll("_", "-"),
    "opus.io/plan-size": spec.planSize.toLowerCase(),
    "app.kubernetes.io/part-of": "opus-open-finance",
    "app.kubernetes.io/managed-by": "pulumi",
  };
}

/**
 * Label values are at most 63 characters of [A-Za-z0-9._-], starting and ending alphanumeric.
 * Database ids (cuid) already are; this keeps an unusual id from making the apply fail.
 */
function labelValue(value: string): string {
  return value
    .replace(/[^A-Za-z0-9._-]/g, "_")
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
}
