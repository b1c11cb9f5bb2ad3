// The identity the platform's pods run as, and the little it may do through the Kubernetes API.
// A namespaced Role (never a ClusterRole) keeps a compromised pod inside its own tenant.
import * as k8s from "@pulumi/kubernetes";
import type * as k8sInputs from "@pulumi/kubernetes/types/input";
import * as pulumi from "@pulumi/pulumi";
import { PLATFORM_SERVICE_ACCOUNT } from "./naming.ts";

export type TenantWorkloadAccessArgs = {
  namespace: pulumi.Input<string>;
  labels: Record<string, string>;
  /** Secrets readable by name; nothing else in the namespace's secrets is. */
  readableSecrets: string[];
};

export class TenantWorkloadAccess extends pulumi.ComponentResource {
  public readonly serviceAccountName: pulumi.Output<string>;

  constructor(name: string, args: TenantWorkloadAccessArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("opus:tenant:WorkloadAccess", name, {}, opts);
    const metadata = { name: PLATFORM_SERVICE_ACCOUNT, namespace: args.namespace, labels: args.labels };

    const serviceAccount = new k8s.core.v1.ServiceAccount(
      `${name}-service-account`,
      // No API token in every pod by default: the chart mounts it only where a module needs the API.
      { metadata, automountServiceAccountToken: false },
      { parent: this },
    );

    const rules: k8sInputs.rbac.v1.PolicyRule[] = [
      // Modules read their configuration and reload it when it changes.
      { apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list", "watch"] },
      // Singleton work (metrics aggregation, scheduled reports) elects a leader with a Lease.
      { apiGroups: ["coordination.k8s.io"], resources: ["leases"], verbs: ["get", "create", "update"] },
    ];
    if (args.readableSecrets.length > 0) {
      rules.push({ apiGroups: [""], resources: ["secrets"], resourceNames: args.readableSecrets, verbs: ["get"] });
    }
    const role = new k8s.rbac.v1.Role(`${name}-role`, { metadata, rules }, { parent: this });

    new k8s.rbac.v1.RoleBinding(
      `${name}-role-binding`,
      {
        metadata,
        subjects: [{ kind: "ServiceAccount", name: serviceAccount.metadata.name, namespace: args.namespace }],
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: role.metadata.name },
      },
      { parent: this },
    );

    this.serviceAccountName = serviceAccount.metadata.name;
    this.registerOutputs({ serviceAccountName: this.serviceAccountName });
  }
}
