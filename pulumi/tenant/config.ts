// Reads this stack's configuration into the tenant program's input: settings validated with the
// same zod schema the install bundle writes them with, credentials as Pulumi secrets.
import { TENANT_PROJECT } from "@opus/provisioner/naming";
import {
  OBJECT_CONFIG_KEYS,
  parseTenantStackConfig,
  programSpecFrom,
  SCALAR_CONFIG_KEYS,
  SECRET_CONFIG_KEYS,
} from "@opus/provisioner/stack-config";
import type { TenantProgramSpec } from "@opus/provisioner/tenant-program";
import * as pulumi from "@pulumi/pulumi";

export function readTenantSpec(config = new pulumi.Config(TENANT_PROJECT)): TenantProgramSpec {
  const raw: Record<string, unknown> = {};
  for (const key of SCALAR_CONFIG_KEYS) raw[key] = config.get(key);
  for (const key of OBJECT_CONFIG_KEYS) raw[key] = config.getObject(key);

  return programSpecFrom(parseTenantStackConfig(raw), {
    databaseAdminPassword: config.requireSecret(SECRET_CONFIG_KEYS.databaseAdminPassword),
    queueAdminPassword: config.requireSecret(SECRET_CONFIG_KEYS.queueAdminPassword),
    kubeconfig: config.getSecret(SECRET_CONFIG_KEYS.kubeconfig),
    usageReportingToken: config.getSecret(SECRET_CONFIG_KEYS.usageReportingToken),
  });
}
