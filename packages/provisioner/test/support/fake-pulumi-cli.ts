// A stand-in for the Pulumi CLI, for testing what pulumi-engine.ts does around the real
// Automation API (workspace set-up, option plumbing, output handling, error mapping) on machines
// where the CLI cannot be installed. It is a shell script behind the same interface the SDK
// drives: argv in; stdout, stderr, exit code and event-log lines out. Each test scripts its
// behaviour through FAKE_PULUMI_* environment variables, which the engine passes to the CLI like
// any provider credential.
import { chmod, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

// 3.205 is the newest CLI for which the SDK reads engine events from a file (newer ones stream
// them over gRPC), which a script can write; it is above every minimum the SDK checks.
const FAKE_VERSION = "3.205.0";

const SCRIPT = `#!/bin/sh
[ -n "$FAKE_PULUMI_CALLS" ] && echo "$*" >> "$FAKE_PULUMI_CALLS"
# Defaults set apart: inside \${VAR:-…} a "}" would end the expansion early.
empty='{}'
state='{"version":3,"deployment":{}}'
: "\${FAKE_PULUMI_STATE:=$state}" "\${FAKE_PULUMI_OUTPUTS_PLAIN:=$empty}" "\${FAKE_PULUMI_OUTPUTS_MASKED:=$empty}"
changes="\${FAKE_PULUMI_SUMMARY:-$empty}"
case "$1" in
  version) echo "v${FAKE_VERSION}"; exit 0 ;;
  cancel) [ -n "$FAKE_PULUMI_CANCEL_STDERR" ] && { printf '%s\\n' "$FAKE_PULUMI_CANCEL_STDERR" >&2; exit 255; }; exit 0 ;;
  stack)
    case "$2" in
      select|init) exit 0 ;;
      export) printf '%s' "$FAKE_PULUMI_STATE"; exit 0 ;;
      history) printf '[{"kind":"update","startTime":"2026-01-01T00:00:00Z","endTime":"2026-01-01T00:01:00Z","message":"","environment":{},"config":{},"result":"succeeded","version":1,"resourceChanges":%s}]' "$changes"; exit 0 ;;
      output)
        case "$*" in
          *--show-secrets*) printf '%s' "$FAKE_PULUMI_OUTPUTS_PLAIN" ;;
          *) printf '%s' "$FAKE_PULUMI_OUTPUTS_MASKED" ;;
        esac
        exit 0 ;;
    esac
    exit 0 ;;
esac
# An operation: preview, up, refresh or destroy.
event_log=""; previous=""
for arg in "$@"; do [ "$previous" = "--event-log" ] && event_log="$arg"; previous="$arg"; done
[ -n "$FAKE_PULUMI_SHOW_WORKSPACE" ] && { echo "cwd: $(pwd)"; cat Pulumi.yaml; echo "passphrase: \${PULUMI_CONFIG_PASSPHRASE:-unset}"; }
printf '%s' "$FAKE_PULUMI_STDOUT_1"
sleep 0.1
printf '%s' "$FAKE_PULUMI_STDOUT_2"
if [ -n "$FAKE_PULUMI_SUMMARY" ] && [ -n "$event_log" ]; then
  printf '{"sequence":1,"timestamp":0,"summaryEvent":{"maybeCorrupt":false,"durationSeconds":1,"resourceChanges":%s,"PolicyPacks":{}}}\\n' "$FAKE_PULUMI_SUMMARY" >> "$event_log"
fi
if [ -n "$FAKE_PULUMI_HANG" ]; then
  sleep 30 >/dev/null 2>&1 &
  sleeper=$!
  trap 'kill $sleeper; echo "error: update canceled" >&2; exit 255' INT
  wait $sleeper
fi
[ -n "$FAKE_PULUMI_STDERR" ] && printf '%s\\n' "$FAKE_PULUMI_STDERR" >&2
exit "\${FAKE_PULUMI_EXIT:-0}"
`;

export type FakeCli = {
  /** Pass as PulumiEngineOptions.cliRoot. */
  root: string;
  /** Each invocation's arguments, one line per call. */
  calls(): Promise<string[]>;
  env(behaviour: Record<string, string>): Record<string, string>;
};

export async function createFakePulumiCli(): Promise<FakeCli> {
  const root = await mkdtemp(path.join(tmpdir(), "fake-pulumi-"));
  await mkdir(path.join(root, "bin"));
  const bin = path.join(root, "bin", "pulumi");
  await writeFile(bin, SCRIPT);
  await chmod(bin, 0o755);
  const callsFile = path.join(root, "calls.log");
  await writeFile(callsFile, "");
  return {
    root,
    calls: async () => (await readFile(callsFile, "utf8")).split("\n").filter(Boolean),
    env: (behaviour) => ({ FAKE_PULUMI_CALLS: callsFile, ...behaviour }),
  };
}
