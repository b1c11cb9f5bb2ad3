// What `pnpm audit:verify` (src/verify-audit.ts) reads: the database and the key whose public half
// the checkpoints must carry.
import { z } from "zod";
import { parseEnvWith } from "./load-env.ts";
import { auditSigningKeySetting, databaseSettings, processSettings, refuseDevAuditSigningKey, refuseInProduction } from "./settings.ts";

const auditVerifySettings = z.object({ ...processSettings, ...databaseSettings, ...auditSigningKeySetting });

const AuditVerifyEnvSchema = auditVerifySettings.superRefine(
  refuseInProduction<z.output<typeof auditVerifySettings>>([refuseDevAuditSigningKey]),
);

export type AuditVerifyEnv = z.infer<typeof AuditVerifyEnvSchema>;

export function parseAuditVerifyEnv(source: Record<string, string | undefined>): AuditVerifyEnv {
  return parseEnvWith("audit verifier", AuditVerifyEnvSchema, source);
}
