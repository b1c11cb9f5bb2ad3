// Reads a managed account's decrypted credentials for the spec builder. A bare kubeconfig (older
// records) is recognised so the error can say exactly what is missing.
import { type ManagedCredentials, ManagedCredentialsSchema } from "../domain/institutions/managed-credentials.ts";
import { NotRetryableError } from "./not-retryable.ts";

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
