// What a managed account's sealed credentials hold once decrypted: the customer's cluster
// kubeconfig and the admin credentials of the PostgreSQL and RabbitMQ servers in their cloud,
// plus where their API gateway lives. Stored as one JSON envelope so every secret of the tenant's
// cloud stays encrypted together. A bare kubeconfig (older records) is recognised so the error can
// say exactly what is missing.
import { TenantEnvironmentSpecSchema } from "@opus/provisioner/spec";
import { z } from "zod";
import { NotRetryableError } from "./not-retryable.ts";

const spec = TenantEnvironmentSpecSchema.shape;

export const ManagedCredentialsSchema = z.strictObject({
  kubeconfig: z.string().min(1),
  gateway: z.strictObject({ domain: spec.target.shape.gatewayDomain, namespace: spec.target.shape.gatewayNamespace }),
  database: spec.database,
  queue: spec.queue,
});

export type ManagedCredentials = z.infer<typeof ManagedCredentialsSchema>;

export function parseManagedCredentials(plain: string, tenantSlug: string): ManagedCredentials {
  let value: unknown;
  try {
    value = JSON.parse(plain);
  } catch {
    value = { kubeconfig: plain };
  }
  const parsed = ManagedCredentialsSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  // Paths only: the values are secrets.
  const paths = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "(root)"))].join(", ");
  throw new NotRetryableError(
    `The managed account of ${tenantSlug} cannot be provisioned: its stored credentials are incomplete or invalid (${paths}). ` +
      'Store them as JSON {"kubeconfig", "gateway": {domain, namespace}, "database": {host, port, adminUser, adminPassword, sslMode, cidr}, ' +
      '"queue": {kind: "rabbitmq", endpoint, adminUser, adminPassword, host, port, cidr}}.',
  );
}
