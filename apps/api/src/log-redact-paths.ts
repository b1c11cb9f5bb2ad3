// Where a secret can sit in an object handed to the logger, as pino redaction paths. pino's `*`
// matches one level only, so each secret is listed at the depths its real carriers put it:
// a request body or procedure input logged as `{ body }` or `{ input }`, a tenant spec logged as
// `{ spec }` (its passwords two levels down), headers logged as `{ req: { headers } }`.
// Each path is needed by at least one object in test/unit/security/log-redaction-paths.test.ts,
// which also removes each path in turn and requires a secret to leak without it.
export const REDACT_PATHS: readonly string[] = [
  // Sign-in, self sign-up and invitation-acceptance bodies; password changes.
  "password",
  "*.password",
  "*.currentPassword",
  "*.newPassword",
  // Invitation, reset and session tokens; a kubeconfig user's bearer token.
  "token",
  "*.token",
  // Two-factor: the TOTP secret at enrolment and the backup codes shown once.
  "*.totpSecret",
  "*.totpURI",
  "*.backupCodes",
  // A machine API key as created (`{ key }`) and as presented (the Authorization header).
  "key",
  "*.key",
  "authorization",
  "*.authorization",
  "*.headers.authorization",
  // The session cookie, sent and set.
  "cookie",
  "*.cookie",
  "*.headers.cookie",
  '*.headers["set-cookie"]',
  // A managed account's credentials inside a logged input, whole (kubeconfig and the servers' admin
  // passwords); logged bare, the paths below mask their parts.
  "*.credentials",
  // A tenant spec or its parts: the cluster's kubeconfig and the database's and queue's admin passwords.
  "kubeconfig",
  "*.kubeconfig",
  "*.target.kubeconfig",
  "*.adminPassword",
  "*.*.adminPassword",
];
