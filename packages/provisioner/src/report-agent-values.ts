// The report-only agent of a self-managed installation (README, "The agent"): the one component
// that sends its heartbeats, usage and admin metrics to Opus. The install bundle gives its values
// for the agent's chart (deploy/charts/opus-agent, the one place its manifests are written); the
// chart runs it in the platform's namespace, with its outbox on a persistent volume, one replica.

/** The agent chart as Opus publishes it beside the platform chart (Chart.yaml's name and version). */
export const AGENT_CHART = { name: "opus-agent", version: "1.0.0" } as const;
/** The Helm release, hence the name of every object the chart creates (its Service included). */
export const REPORT_AGENT_NAME = "opus-report-agent";
/** The Secret the customer creates from the bundle's usage-reporting token. */
export const REPORT_AGENT_SECRET = "opus-report-agent";
/** The chart's reportOnly.port default. */
export const REPORT_AGENT_PORT = 9470;

/**
 * Where the platform sends its reports: the agent's Service in the platform's own namespace. An
 * in-cluster address, so the platform's pods need no route out of the cluster to report.
 */
export function reportAgentOrigin(namespace: string): string {
  return `http://${REPORT_AGENT_NAME}.${namespace}.svc:${REPORT_AGENT_PORT}`;
}

export type ReportAgentInput = {
  /** The control plane's public https:// origin; the agent only ever connects out to it. */
  controlPlaneUrl: string;
  /** The agent's image (docker/agent.Dockerfile), when the control plane knows it (AGENT_IMAGE). */
  image?: string | undefined;
};

/** `registry/path`, then `:tag`, `@sha256:…` or both (the digest wins in the chart). */
const IMAGE_REFERENCE = /^(?<repository>[^\s@]+?)(?::(?<tag>\w[\w.-]{0,127}))?(?:@(?<digest>sha256:[0-9a-f]{64}))?$/;

/** An image reference as the chart's image values. */
export function imageValues(reference: string): { repository: string; tag?: string; digest?: string } {
  const groups = IMAGE_REFERENCE.exec(reference)?.groups;
  if (!groups?.repository) throw new Error(`not an image reference: ${reference}`);
  return {
    repository: groups.repository,
    ...(groups.tag ? { tag: groups.tag } : {}),
    ...(groups.digest ? { digest: groups.digest } : {}),
  };
}

/** The chart values of a self-managed installation's report-only agent. */
export function reportAgentValues({ controlPlaneUrl, image }: ReportAgentInput) {
  return {
    mode: "report-only",
    controlPlane: { url: controlPlaneUrl },
    // Without AGENT_IMAGE the chart's default image stands in; the README says to set the one Opus gives.
    ...(image ? { image: imageValues(image) } : {}),
    credentials: { secretName: REPORT_AGENT_SECRET },
    reportOnly: { port: REPORT_AGENT_PORT },
  };
}
