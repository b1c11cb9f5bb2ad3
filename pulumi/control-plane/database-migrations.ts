// Applies the control plane's database migrations before new code starts. A Job's pod template
// cannot change, so a new image means a new Job: it is auto-named, Pulumi creates the new one
// (and waits for it to complete) before deleting the old, and the Deployments depend on it.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { restrictedContainer, restrictedPod, scratchVolume } from "./pod-security.ts";

export type DatabaseMigrationsArgs = {
  namespace: pulumi.Input<string>;
  labels: Record<string, string>;
  image: string;
  command: string[];
  imagePullSecret?: string | undefined;
  /** The migrations job's settings (apps/api/src/env/migrations-env.ts): DATABASE_URL from the Secret. */
  env: k8s.types.input.core.v1.EnvVar[];
};

export class DatabaseMigrations extends pulumi.ComponentResource {
  public readonly jobName: pulumi.Output<string>;

  constructor(name: string, args: DatabaseMigrationsArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("opus:controlPlane:DatabaseMigrations", name, {}, opts);
    const labels = { ...args.labels, "app.kubernetes.io/name": "opus-migrations" };

    const job = new k8s.batch.v1.Job(
      `${name}-job`,
      {
        // No metadata.name: Pulumi appends a random suffix, so a replacement can coexist with
        // the Job it replaces.
        metadata: { namespace: args.namespace, labels },
        spec: {
          // Migrations take an advisory lock and are idempotent: a retry after a crash is safe,
          // endless retries of a broken migration are not.
          backoffLimit: 2,
          activeDeadlineSeconds: 900,
          template: {
            metadata: { labels },
            spec: {
              restartPolicy: "Never",
              automountServiceAccountToken: false,
              securityContext: restrictedPod,
              ...(args.imagePullSecret ? { imagePullSecrets: [{ name: args.imagePullSecret }] } : {}),
              containers: [
                {
                  name: "migrate",
                  image: args.image,
                  command: args.command,
                  env: args.env,
                  resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } },
                  securityContext: restrictedContainer(),
                  volumeMounts: [scratchVolume.mount],
                },
              ],
              volumes: [scratchVolume.volume],
            },
          },
        },
      },
      { parent: this },
    );

    this.jobName = job.metadata.name;
    this.registerOutputs({ jobName: this.jobName });
  }
}
