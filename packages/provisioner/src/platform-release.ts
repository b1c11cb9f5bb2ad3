// The Opus platform itself in the tenant namespace: a Secret with the tenant's credentials and
// the Helm release of the platform chart, whose values point at that Secret by name.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { PLATFORM_CREDENTIALS_SECRET, PLATFORM_RELEASE_NAME } from "./naming.ts";
import type { PlatformValues } from "./platform-values.ts";

export type PlatformReleaseArgs = {
  namespace: pulumi.Input<string>;
  labels: Record<string, string>;
  chart: { name: string; repository: string; version: string };
  values: PlatformValues;
  /** Secret data by key (see CREDENTIAL_KEYS); stored only in the Secret. */
  credentials: Record<string, pulumi.Input<string>>;
  /** What must exist before pods start: quota, limits and network policies of the namespace. */
  after: pulumi.Resource[];
};

export class PlatformRelease extends pulumi.ComponentResource {
  public readonly releaseName: pulumi.Output<string>;
  public readonly status: pulumi.Output<string>;
  public readonly credentialsSecretName: pulumi.Output<string>;

  constructor(name: string, args: PlatformReleaseArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("opus:tenant:PlatformRelease", name, {}, opts);

    const secret = new k8s.core.v1.Secret(
      `${name}-credentials`,
      {
        metadata: { name: PLATFORM_CREDENTIALS_SECRET, namespace: args.namespace, labels: args.labels },
        type: "Opaque",
        stringData: pulumi.secret(args.credentials),
      },
      { parent: this },
    );

    const release = new k8s.helm.v3.Release(
      `${name}-release`,
      {
        name: PLATFORM_RELEASE_NAME,
        namespace: args.namespace,
        ...chartSource(args.chart),
        version: args.chart.version,
        values: args.values,
        createNamespace: false,
        // A failed upgrade rolls back to the last good release instead of leaving a tenant half
        // upgraded; the engine then reports the failure.
        atomic: true,
        cleanupOnFail: true,
        timeout: 900,
        maxHistory: 10,
      },
      { parent: this, dependsOn: [secret, ...args.after] },
    );

    this.releaseName = release.name;
    this.status = release.status.apply((s) => s.status);
    this.credentialsSecretName = secret.metadata.name;
    this.registerOutputs({ releaseName: this.releaseName, status: this.status });
  }
}

/** OCI registries are addressed by URL in `chart`; classic Helm repositories through repositoryOpts. */
function chartSource(chart: PlatformReleaseArgs["chart"]): Pick<k8s.helm.v3.ReleaseArgs, "chart" | "repositoryOpts"> {
  if (chart.repository.startsWith("oci://")) {
    return { chart: `${chart.repository.replace(/\/+$/, "")}/${chart.name}` };
  }
  return { chart: chart.name, repositoryOpts: { repo: chart.repository } };
}
