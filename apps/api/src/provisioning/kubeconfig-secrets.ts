// The secret values inside a kubeconfig, each on its own: an engine or provider error echoes a
// bearer token or a key line, never the whole document, so masking only the whole kubeconfig
// would let them through into stored logs and errors.
const SECRET_FIELDS = ["token", "client-key-data", "password", "access-token", "id-token", "refresh-token", "client-secret"];
const FIELD_LINE = new RegExp(`^\\s*-?\\s*"?(${SECRET_FIELDS.join("|")})"?\\s*:\\s*["']?([^"'\\s#]+)`, "gm");

export function kubeconfigSecrets(kubeconfig: string): string[] {
  return [kubeconfig, ...[...kubeconfig.matchAll(FIELD_LINE)].flatMap((m) => (m[2] ? [m[2]] : []))];
}
