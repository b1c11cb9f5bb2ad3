// Every worker steps the rollouts on a schedule. No leader: a step holds its rollout's row lock and
// is idempotent, so two workers stepping at once take turns and the second finds nothing to do.
import { advanceRollouts, type OrchestratorContext } from "../domain/rollouts/advance-rollout.ts";

export const ROLLOUT_STEP_MS = 15_000;

export async function runRolloutSchedule(
  ctx: OrchestratorContext,
  everyMs: number,
  signal: AbortSignal,
  sleep: (ms: number, signal: AbortSignal) => Promise<void>,
) {
  while (!signal.aborted) {
    try {
      const { changed, failures } = await advanceRollouts(ctx);
      if (changed > 0) ctx.log.info({ changed }, "rollouts stepped");
      for (const { rolloutId, error } of failures) ctx.log.error({ err: error, rolloutId }, "rollout step failed");
    } catch (error) {
      ctx.log.error({ err: error }, "rollout step failed");
    }
    await sleep(everyMs, signal);
  }
}
