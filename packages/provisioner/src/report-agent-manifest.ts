// The report-only agent of a self-managed installation (README, "The agent"): the one component
// that sends its heartbeats, usage and admin metrics to Opus. The platform posts them to it inside
// the cluster; it keeps each on its outbox volume before answering and resends it, unchanged, until
// the control plane takes it. So the outbox is a persistent volume (an outage or a restart loses
// nothing) and there is one replica with Recreate updates (one writer of the outbox at a time).
import { dump } from "js-yaml";

export const REPORT_AGENT_NAME = "opus-report-agent";
/** The Secret the customer creates from the bundle's usage-reporting token. */
export const REPORT_AGENT_SECRET = "opus-report-agent";
export const REPORT_AGENT_PORT = 9470;
/** Until Opus gives the customer the control plane's image (AGENT_IMAGE unset), the README says to set it. */
export const REPORT_AGENT_IMAGE_PLACEHOLDER = "registry.opus.example/control-plane/api:CHANGE-ME";

/**
 * Where the platform sends its reports: the agent's Service in the platform's own namespace. An
 * in-cluster address, so the platform's pods need no route out of the cluster to report.
 */
export function reportAgentOrigin(namespace: string): string {
  return `http://${REPORT_AGENT_NAME}.${namespace}.svc:${REPORT_AGENT_PORT}`;
}
const OUTBOX_DIR = "/var/lib/opus-agent";

export type ReportAgentInput = {
  /** The control plane's public https:// origin; the agent only ever connects out to it. */
  controlPlaneUrl: string;
  /** The control plane's API image (it carries src/agent.ts). */
  image: string;
};

export function reportAgentManifest({ controlPlaneUrl, image }: ReportAgentInput): string {
  const labels = { app: REPORT_AGENT_NAME };
  const docs = [
    {
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: { name: `${REPORT_AGENT_NAME}-outbox`, labels },
      spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
    },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: REPORT_AGENT_NAME, labels },
      spec: {
        replicas: 1,
        strategy: { type: "Recreate" },
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            automountServiceAccountToken: false,
            securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000 },
            containers: [
              {
                name: "agent",
                image,
                command: ["node", "--import", "tsx", "src/agent.ts"],
                env: [
                  { name: "NODE_ENV", value: "production" },
                  { name: "AGENT_MODE", value: "report-only" },
                  { name: "CONTROL_PLANE_URL", value: controlPlaneUrl },
                  { name: "AGENT_REPORT_PORT", value: String(REPORT_AGENT_PORT) },
                  { name: "AGENT_STATE_DIR", value: OUTBOX_DIR },
                  { name: "AGENT_ID", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
                  { name: "AGENT_KEY", valueFrom: { secretKeyRef: { name: REPORT_AGENT_SECRET, key: "AGENT_KEY" } } },
                ],
                ports: [{ name: "reports", containerPort: REPORT_AGENT_PORT }],
                volumeMounts: [{ name: "outbox", mountPath: OUTBOX_DIR }],
                resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
              },
            ],
            volumes: [{ name: "outbox", persistentVolumeClaim: { claimName: `${REPORT_AGENT_NAME}-outbox` } }],
          },
        },
      },
    },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: REPORT_AGENT_NAME, labels },
      spec: { selector: labels, ports: [{ name: "reports", port: REPORT_AGENT_PORT, targetPort: "reports" }] },
    },
    {
      // In: only the installation's reports, from the platform's pods in this namespace. Out: DNS and HTTPS to Opus.
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: REPORT_AGENT_NAME, labels },
      spec: {
        podSelector: { matchLabels: labels },
        policyTypes: ["Ingress", "Egress"],
        ingress: [{ from: [{ podSelector: {} }], ports: [{ port: REPORT_AGENT_PORT, protocol: "TCP" }] }],
        egress: [
          {
            ports: [
              { port: 53, protocol: "UDP" },
              { port: 53, protocol: "TCP" },
            ],
          },
          { ports: [{ port: 443, protocol: "TCP" }] },
        ],
      },
    },
  ];
  const header = [
    "# The report-only agent: this installation's one outbound reporter to Opus (heartbeats, usage, admin metrics).",
    `# Create the Secret ${REPORT_AGENT_SECRET} first (see README.md), then: kubectl apply -n <namespace> -f agent/report-agent.yaml`,
  ].join("\n");
  return `${header}\n${docs.map((d) => dump(d, { noRefs: true, lineWidth: -1, quotingType: '"' })).join("---\n")}`;
}
