// The install bundle a self-managed customer downloads: everything Opus knows about their
// installation, as files their own team applies. Pure (same input, same bytes), so the console
// can rebuild it on demand and tests can pin it. It never holds a credential of the customer's:
// those are set by the customer on their side. The usage-reporting token is issued by the
// control plane at registration and passed in; it is never made up here.
import { dump } from "js-yaml";
import { z } from "zod";
import { CREDENTIAL_KEYS, PLATFORM_CREDENTIALS_SECRET, PLATFORM_RELEASE_NAME, TENANT_PROJECT, tenantNames } from "./naming.ts";
import { buildPlatformValues } from "./platform-values.ts";
import { AGENT_CHART, REPORT_AGENT_NAME, REPORT_AGENT_SECRET, reportAgentOrigin, reportAgentValues } from "./report-agent-values.ts";
import { stackNameFor } from "./spec.ts";
import { SECRET_CONFIG_KEYS, stackConfigEntries, type TenantStackConfig, TenantStackConfigSchema } from "./stack-config.ts";

/** Where a bundle's platform reports to (its agent's in-cluster Service). */
export { reportAgentOrigin } from "./report-agent-values.ts";

export const InstallBundleInputSchema = z.strictObject({
  config: TenantStackConfigSchema.refine((c) => c.mode === "SELF_MANAGED", {
    path: ["mode"],
    message: "install bundles are for SELF_MANAGED installations; Opus runs the others",
  }),
  usageReportingToken: z.string().min(16, "the usage-reporting token looks truncated"),
  /** The report-only agent's chart values: where it reports to, and the agent image that runs it. */
  reportAgent: z.strictObject({
    // The agent itself refuses a plain-http control plane in production (apps/api/src/env/agent-env.ts).
    controlPlaneUrl: z.url({ protocol: /^https?$/, message: "must be the control plane's http(s):// origin" }),
    /** Absent until AGENT_IMAGE is configured: a placeholder the README says to replace. */
    image: z.string().min(1).optional(),
  }),
});

export type InstallBundleInput = z.input<typeof InstallBundleInputSchema>;

export type InstallBundleFile = { path: string; content: string };

export type InstallBundle = {
  stackName: string;
  files: InstallBundleFile[];
};

const TOKEN_FILE = "usage-reporting-token";
const REPORT_AGENT_FILE = "agent/report-agent-values.yaml";

export function createInstallBundle(input: InstallBundleInput): InstallBundle {
  const { config, usageReportingToken, reportAgent } = InstallBundleInputSchema.parse(input);
  const stackName = stackNameFor(config.tenant.slug, config.environment.kind);
  const stackFile = `Pulumi.${stackName}.yaml`;

  return {
    stackName,
    files: [
      { path: "README.md", content: readme(config, stackName, stackFile, reportAgent.image === undefined) },
      {
        path: `pulumi/${stackFile}`,
        content:
          header([
            `Stack configuration for pulumi/tenant (project ${TENANT_PROJECT}), stack ${stackName}.`,
            "Credentials are not in this file: set them with `pulumi config set --secret` (see README.md).",
          ]) + yaml({ config: stackConfigEntries(config) }),
      },
      {
        path: "helm/values.yaml",
        content:
          header([
            "Values for the Opus platform chart, for installs with Helm directly instead of pulumi/tenant.",
            `They name the Secret ${PLATFORM_CREDENTIALS_SECRET}; create it first (see README.md).`,
          ]) + yaml(buildPlatformValues(config)),
      },
      {
        path: REPORT_AGENT_FILE,
        content:
          header([
            `Values for Opus's agent chart (${AGENT_CHART.name} ${AGENT_CHART.version}) in report-only mode: see README.md.`,
            `The agent key comes from the Secret ${REPORT_AGENT_SECRET}; create it first.`,
          ]) + yaml(reportAgentValues(reportAgent)),
      },
      // No trailing newline: `kubectl create secret --from-file` would keep it in the value.
      { path: TOKEN_FILE, content: usageReportingToken },
    ],
  };
}

function yaml(value: unknown): string {
  // No anchors or line folding: the files are read by people and diffed between releases.
  return dump(value, { noRefs: true, lineWidth: -1, quotingType: '"' });
}

function header(lines: string[]): string {
  return `${lines.map((l) => `# ${l}`).join("\n")}\n`;
}

function readme(config: TenantStackConfig, stackName: string, stackFile: string, imageToSet: boolean): string {
  const { namespace } = tenantNames(config);
  const secretLines = Object.values(CREDENTIAL_KEYS)
    .map((key) => (key === CREDENTIAL_KEYS.usageReportingToken ? `  --from-file=${key}=${TOKEN_FILE}` : `  --from-literal=${key}=…`))
    .join(" \\\n");
  // Opus's charts share one repository: the platform's, and the agent's beside it.
  const chartRef = (name: string) =>
    config.release.repository.startsWith("oci://")
      ? `${config.release.repository.replace(/\/+$/, "")}/${name}`
      : `${name} --repo ${config.release.repository}`;
  const chart = chartRef(config.release.chart);
  const agentChart = chartRef(AGENT_CHART.name);
  return `# Opus Open Finance: install bundle for ${config.tenant.legalName}

Environment: ${config.environment.kind.toLowerCase()}, plan ${config.planSize.toLowerCase()}, platform ${config.release.chart} ${config.release.version}.

The file \`${TOKEN_FILE}\` is this installation's usage-reporting token. Treat it as a secret:
store it as shown below, then delete the file.

## With Pulumi (recommended)

Creates the namespace with its quota, limits, network policies and service account, the
PostgreSQL role and database, the RabbitMQ vhost, user and queues, the credentials Secret and
the platform release. Run from the \`pulumi/tenant\` folder of the Opus repository, with
\`kubectl\` pointing at your cluster:

\`\`\`sh
cp ${stackFile} <opus repository>/pulumi/tenant/
cd <opus repository>/pulumi/tenant
pulumi login <your state backend, e.g. s3://bucket/opus>
pulumi stack init ${stackName} --secrets-provider <passphrase | awskms://… | gcpkms://… | azurekeyvault://…>
pulumi config set --secret ${SECRET_CONFIG_KEYS.databaseAdminPassword} <admin password of ${config.database.host}>
pulumi config set --secret ${SECRET_CONFIG_KEYS.queueAdminPassword} <admin password of ${config.queue.endpoint}>
pulumi config set --secret ${SECRET_CONFIG_KEYS.usageReportingToken} "$(cat ${TOKEN_FILE})"
pulumi preview
pulumi up
\`\`\`

## With Helm only

You create the database, the queue and the namespace yourself, then the Secret the chart reads:

\`\`\`sh
kubectl create secret generic ${PLATFORM_CREDENTIALS_SECRET} --namespace <namespace> \\
${secretLines}
helm upgrade --install ${PLATFORM_RELEASE_NAME} ${chart} \\
  --version ${config.release.version} --namespace <namespace> --values helm/values.yaml
\`\`\`

## The report-only agent

Opus's agent, in report-only mode, is the installation's one outbound reporter: Helm installs it
from Opus's chart (\`${AGENT_CHART.name}\`, published beside the platform's) with the values in
\`${REPORT_AGENT_FILE}\`. It runs in the platform's namespace, \`${namespace}\`, and the platform is
set to post its heartbeats, usage and admin metrics to it there (\`${reportAgentOrigin(namespace)}\`,
the same \`/api/v1/heartbeat\`, \`/api/v1/usage/events\` and \`/api/v1/metrics\` bodies), so the
platform's pods have no route out of the cluster to Opus: only the agent has, on 443. It keeps each
report on its outbox volume before answering and resends it until Opus takes it, so an outage or a
restart loses nothing. It admits only pods of its own namespace and holds no credential but the
token.${
    imageToSet ? " Add `--set image.repository=…,image.tag=…` with the agent image Opus gives you." : ""
  } The release name must stay \`${REPORT_AGENT_NAME}\`: it names the Service the platform posts to.

\`\`\`sh
kubectl create secret generic ${REPORT_AGENT_SECRET} --namespace ${namespace} --from-file=AGENT_KEY=${TOKEN_FILE}
helm upgrade --install ${REPORT_AGENT_NAME} ${agentChart} \\
  --version ${AGENT_CHART.version} --namespace ${namespace} --values ${REPORT_AGENT_FILE}
\`\`\`
`;
}
