// What a tenant's pods may reach and be reached by, beyond their own namespace, with the defaults
// every region gets unless its configuration narrows them. The NetworkPolicies are built from the
// result (tenant-network-policies.ts), so this is the one place these numbers live.
import { z } from "zod";

const cidr = z.string().regex(/^[0-9a-fA-F:.]+\/\d{1,3}$/, "must be a CIDR block, e.g. 200.160.0.0/20");
const dnsLabel = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a DNS label: lower-case letters, digits and '-'");

/** Settings a region (SAAS_REGIONS) or a stack (`network` config key) may give; every field optional. */
export const NetworkSettingsSchema = z.strictObject({
  /** The Open Finance Directory and the other participants' endpoints, reached on 443. */
  openFinanceCidrs: z.array(cidr).min(1).optional(),
  /** The control plane's usage-reporting endpoint (self-managed installations), reached on 443. */
  usageReportingCidrs: z.array(cidr).min(1).optional(),
  /** Namespace of the Prometheus that scrapes the platform's metrics. */
  monitoringNamespace: dnsLabel.optional(),
  /** Port the platform's pods serve metrics on. */
  metricsPort: z.number().int().min(1).max(65535).optional(),
});

export type NetworkSettings = z.infer<typeof NetworkSettingsSchema>;

/** An ipBlock destination: a range, minus the addresses inside it that stay closed. */
export type AddressRange = { cidr: string; except?: string[] };

export type NetworkAllowances = {
  openFinance: AddressRange[];
  /**
   * Absent when the installation does not report out of the cluster: SaaS and managed are metered by
   * Opus, and a self-managed one reports through its report-only agent (an in-cluster Service).
   */
  usageReporting?: AddressRange[];
  monitoringNamespace: string;
  metricsPort: number;
};

/** Every port the public allowances open. Open Finance APIs are HTTPS (mutual TLS) only. */
export const HTTPS_PORT = 443;

/**
 * Addresses a pod never reaches through a "public internet" allowance: private networks (other
 * tenants' pods and services, the cluster's own nodes), carrier-grade NAT, loopback and link-local
 * (the cloud's instance metadata service at 169.254.169.254 hands out node credentials).
 */
export const NON_PUBLIC_RANGES = ["10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16"];

/**
 * Default for both 443 allowances: any public IPv4 address. Participants publish their endpoints in
 * the Directory and move them without notice (CDNs, cloud load balancers), so a fixed list would
 * break payments; a region that knows its ranges narrows them with `openFinanceCidrs`.
 */
export const PUBLIC_INTERNET: AddressRange[] = [{ cidr: "0.0.0.0/0", except: NON_PUBLIC_RANGES }];

export const DEFAULT_MONITORING_NAMESPACE = "monitoring";
/** The platform chart's `metrics` port. */
export const DEFAULT_METRICS_PORT = 9090;

/**
 * A Kubernetes Service address (`name.namespace.svc[.cluster.local]`): reached inside the cluster,
 * where the namespace's own policies decide, so it needs no allowance out of the cluster.
 */
export function isInClusterService(url: string): boolean {
  return /\.svc(\.cluster\.local)?$/.test(new URL(url).hostname);
}

export function networkAllowances(settings: NetworkSettings | undefined, reportsUsage: boolean): NetworkAllowances {
  const ranges = (cidrs: string[] | undefined) => (cidrs ? cidrs.map((c) => ({ cidr: c })) : PUBLIC_INTERNET);
  return {
    openFinance: ranges(settings?.openFinanceCidrs),
    ...(reportsUsage ? { usageReporting: ranges(settings?.usageReportingCidrs) } : {}),
    monitoringNamespace: settings?.monitoringNamespace ?? DEFAULT_MONITORING_NAMESPACE,
    metricsPort: settings?.metricsPort ?? DEFAULT_METRICS_PORT,
  };
}
