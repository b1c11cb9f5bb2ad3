// One control-plane process (API, console or worker): its service account, a Deployment, a
// HorizontalPodAutoscaler and, when it listens, a ClusterIP Service.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { restrictedContainer, restrictedPod, scratchVolume } from "./pod-security.ts";

type EnvVar = k8s.types.input.core.v1.EnvVar;
type Resources = k8s.types.input.core.v1.ResourceRequirements;

export type ScaledAppArgs = {
  namespace: pulumi.Input<string>;
  /** Kubernetes name of the Deployment, Service, HPA and service account, e.g. "opus-api". */
  appName: string;
  labels: Record<string, string>;
  image: string;
  command?: string[];
  imagePullSecret?: string | undefined;
  /** Container port; the app gets a Service and TCP probes only when it listens. */
  port?: number;
  /** Prometheus metrics port (the process's METRICS_PORT): a named container port and scrape annotations. */
  metricsPort?: number;
  env: EnvVar[];
  replicas: { min: number; max: number };
  resources: Resources;
  writableRoot?: boolean;
  serviceAccountAnnotations?: Record<string, string>;
  /** Seconds between SIGTERM and SIGKILL: long enough to finish or cancel in-flight work. */
  terminationGracePeriodSeconds?: number;
  dependsOn?: pulumi.Resource[];
};

/** How long an HTTP pod keeps serving after it is told to stop, before its SIGTERM. */
export const PRE_STOP_SECONDS = 5;

export class ScaledApp extends pulumi.ComponentResource {
  public readonly deploymentName: pulumi.Output<string>;
  public readonly serviceName: pulumi.Output<string> | undefined;

  constructor(name: string, args: ScaledAppArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("opus:controlPlane:ScaledApp", name, {}, opts);
    const selector = { "app.kubernetes.io/name": args.appName, "app.kubernetes.io/instance": "opus-control-plane" };
    const labels = { ...args.labels, ...selector };
    const metadata = { name: args.appName, namespace: args.namespace, labels };

    const serviceAccount = new k8s.core.v1.ServiceAccount(
      `${name}-service-account`,
      {
        metadata: { ...metadata, annotations: args.serviceAccountAnnotations ?? {} },
        // None of the processes talks to the Kubernetes API of the cluster it runs in.
        automountServiceAccountToken: false,
      },
      { parent: this },
    );

    const port = args.port;
    const metricsPort = args.metricsPort;
    const httpPorts = port === undefined ? [] : [{ name: "http", containerPort: port, protocol: "TCP" }];
    const metricsPorts = metricsPort === undefined ? [] : [{ name: "metrics", containerPort: metricsPort, protocol: "TCP" }];
    // The common Prometheus convention; the Service does not publish the metrics port, so the
    // Ingress can never route to it.
    const scrape: Record<string, string> =
      metricsPort === undefined
        ? {}
        : { "prometheus.io/scrape": "true", "prometheus.io/port": String(metricsPort), "prometheus.io/path": "/metrics" };
    const container: k8s.types.input.core.v1.Container = {
      name: "app",
      image: args.image,
      ...(args.command ? { command: args.command } : {}),
      env: args.env,
      resources: args.resources,
      securityContext: restrictedContainer({ writableRoot: args.writableRoot ?? false }),
      volumeMounts: [scratchVolume.mount],
      ...(httpPorts.length + metricsPorts.length > 0 ? { ports: [...httpPorts, ...metricsPorts] } : {}),
      ...(port === undefined
        ? {}
        : {
            // TCP probes: they need no health route in the app, and a process that stopped
            // accepting connections is restarted.
            readinessProbe: { tcpSocket: { port: "http" }, periodSeconds: 5, failureThreshold: 3 },
            livenessProbe: { tcpSocket: { port: "http" }, initialDelaySeconds: 20, periodSeconds: 10, failureThreshold: 6 },
            // A terminating pod leaves the Service's endpoints while the nodes' proxies and the
            // ingress still send it new connections for a few seconds; closing the listener at
            // once would refuse them. Keep serving for that long, then Kubernetes sends SIGTERM
            // and the process drains what it accepted.
            lifecycle: { preStop: { exec: { command: ["sleep", String(PRE_STOP_SECONDS)] } } },
          }),
    };

    const deployment = new k8s.apps.v1.Deployment(
      `${name}-deployment`,
      {
        metadata,
        spec: {
          // No `replicas`: the HorizontalPodAutoscaler owns it, and every `pulumi up` would
          // otherwise reset the count it chose.
          selector: { matchLabels: selector },
          strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
          template: {
            metadata: { labels, annotations: scrape },
            spec: {
              serviceAccountName: serviceAccount.metadata.name,
              automountServiceAccountToken: false,
              securityContext: restrictedPod,
              terminationGracePeriodSeconds: args.terminationGracePeriodSeconds ?? 30,
              ...(args.imagePullSecret ? { imagePullSecrets: [{ name: args.imagePullSecret }] } : {}),
              // Spread replicas over zones so one zone's outage leaves the others serving.
              topologySpreadConstraints: [
                {
                  maxSkew: 1,
                  topologyKey: "topology.kubernetes.io/zone",
                  whenUnsatisfiable: "ScheduleAnyway",
                  labelSelector: { matchLabels: selector },
                },
              ],
              containers: [container],
              volumes: [scratchVolume.volume],
            },
          },
        },
      },
      { parent: this, dependsOn: args.dependsOn ?? [] },
    );

    new k8s.autoscaling.v2.HorizontalPodAutoscaler(
      `${name}-autoscaler`,
      {
        metadata,
        spec: {
          scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: deployment.metadata.name },
          minReplicas: args.replicas.min,
          maxReplicas: args.replicas.max,
          metrics: [
            { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } },
            { type: "Resource", resource: { name: "memory", target: { type: "Utilization", averageUtilization: 80 } } },
          ],
        },
      },
      { parent: this },
    );

    if (port !== undefined) {
      const service = new k8s.core.v1.Service(
        `${name}-service`,
        {
          metadata,
          spec: { type: "ClusterIP", selector, ports: [{ name: "http", port, targetPort: "http", protocol: "TCP" }] },
        },
        { parent: this },
      );
      this.serviceName = service.metadata.name;
    }

    this.deploymentName = deployment.metadata.name;
    this.registerOutputs({ deploymentName: this.deploymentName, serviceName: this.serviceName });
  }
}
