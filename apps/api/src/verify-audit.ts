// `pnpm audit:verify`: checks the audit chain and its signed checkpoints against DATABASE_URL and
// prints the result; exits 1 and names the first broken link when the trail was tampered with.
import { createDb } from "@opus/db/client";
import { verifyAuditChain } from "./domain/audit/verify-audit-chain.ts";
import { parseAuditVerifyEnv } from "./env/audit-verify-env.ts";
import { loadEnv } from "./env/load-env.ts";
import { createAuditSigner } from "./lib/audit-signer.ts";

const config = loadEnv(parseAuditVerifyEnv);
const db = createDb(config.DATABASE_URL, { poolSize: 2 });
try {
  const report = await verifyAuditChain(
    db,
    createAuditSigner(config.AUDIT_SIGNING_KEY, config.AUDIT_RETIRED_PUBLIC_KEYS).trustedPublicKeys,
  );
  const { checkpoints } = report;
  const keys = Object.entries(checkpoints.byKey).map(([keyId, n]) => `${n} by key ${keyId}`);
  const summary = `${report.length} events, ${checkpoints.verified}/${checkpoints.total} signed checkpoints verified${keys.length > 1 ? ` (${keys.join(", ")})` : ""}`;
  const legacy = report.legacyEvents ? ` (${report.legacyEvents} earlier events predate the chain)` : "";
  if (report.firstBreak) {
    process.stdout.write(`audit chain BROKEN at event ${report.firstBreak.seq}: ${report.firstBreak.reason}\n${summary}${legacy}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`audit chain OK: ${summary}, head ${report.headHash}${legacy}\n`);
  }
} finally {
  await db.$disconnect();
}
