// The roadmap tab: stages, their evidence, what each gate still waits for, the Delivery Manager.
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
import { loadReadiness } from "./go-live-readiness.ts";

export async function getGoLive(ctx: DomainContext, input: { institutionId: string }) {
  const db = scopedDb(ctx, input.institutionId);
  const readiness = await loadReadiness(db, input.institutionId, ctx.clock.now());
  if (!readiness) return { opened: false as const };
  const manager = await db.user.findUnique({ where: { id: readiness.plan.deliveryManagerId }, select: { name: true, email: true } });
  return { opened: true as const, deliveryManager: manager, ...readiness };
}
