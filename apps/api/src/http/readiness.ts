// /readyz: a replica is ready only while its database answers, so the load balancer stops sending it
// requests it could only fail. Bounded in time: a database that black-holes connections must not
// leave the probe hanging until the orchestrator's own timeout.
import type { Db } from "@opus/db/client";

export const READINESS_TIMEOUT_MS = 2_000;

export type Readiness = { status: 200 | 503; body: { status: "ready" } | { status: "unavailable"; message: string } };

export async function checkReadiness(db: Db, timeoutMs = READINESS_TIMEOUT_MS): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  const answered = db.$queryRaw`SELECT 1`.then(
    () => "ok" as const,
    () => "failed" as const,
  );
  const outcome = await Promise.race([answered, timedOut]).finally(() => clearTimeout(timer));
  if (outcome === "ok") return { status: 200, body: { status: "ready" } };
  const message =
    outcome === "timeout"
      ? `The database did not answer within ${timeoutMs / 1000} s: this replica cannot serve requests.`
      : "The database cannot be reached: this replica cannot serve requests.";
  return { status: 503, body: { status: "unavailable", message } };
}
