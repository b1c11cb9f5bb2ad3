// Fleet-wide switches: a freeze calendar (no environment changes inside it) and the emergency halt
// (no rollout starts another step while it stands). Declaring and lifting the halt are
// compare-and-set on the one fleet_control row, so two admins racing get one winner.
import type { Db, Prisma } from "@opus/db/client";
import { authorize } from "../../authz/permissions.ts";
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import type { Freeze } from "./maintenance-windows.ts";

const FLEET = 1;
type Tx = Db | Prisma.TransactionClient;

export async function readFleetControl(db: Tx) {
  // The migration inserts the row; upsert keeps a database restored without it working.
  return db.fleetControl.upsert({ where: { id: FLEET }, create: { id: FLEET }, update: {} });
}

export async function readFleetFreezes(db: Tx): Promise<Freeze[]> {
  return ((await readFleetControl(db)).freezes ?? []) as Freeze[];
}

export async function getFleetControl(ctx: DomainContext) {
  authorize(ctx.actor, "releases.read");
  const row = await readFleetControl(ctx.db);
  return {
    freezes: row.freezes as Freeze[],
    emergencyHalt: row.emergencyHaltAt ? { at: row.emergencyHaltAt, byId: row.emergencyHaltById, reason: row.emergencyHaltReason } : null,
  };
}

export async function setFleetFreezes(ctx: DomainContext, freezes: Freeze[]) {
  authorize(ctx.actor, "releases.manage");
  await readFleetControl(ctx.db);
  await audited(ctx, ctx.db, async (tx) => {
    await tx.fleetControl.update({ where: { id: FLEET }, data: { freezes } });
    return {
      result: null,
      audit: { action: "fleet.freeze_set", targetType: "fleet", targetId: "fleet", data: { freezes: freezes.length } },
    };
  });
  return getFleetControl(ctx);
}

export async function declareEmergencyHalt(ctx: DomainContext, reason: string) {
  authorize(ctx.actor, "releases.manage");
  await readFleetControl(ctx.db);
  const now = ctx.clock.now();
  await audited(ctx, ctx.db, async (tx) => {
    const set = await tx.fleetControl.updateMany({
      where: { id: FLEET, emergencyHaltAt: null },
      data: { emergencyHaltAt: now, emergencyHaltById: ctx.actor.userId, emergencyHaltReason: reason },
    });
    if (set.count !== 1) throw new AppError("CONFLICT", "An emergency halt is already in force: lift it before declaring another.");
    return { result: null, audit: { action: "fleet.emergency_halt_declared", targetType: "fleet", targetId: "fleet", data: { reason } } };
  });
  return getFleetControl(ctx);
}

export async function liftEmergencyHalt(ctx: DomainContext) {
  authorize(ctx.actor, "releases.manage");
  await audited(ctx, ctx.db, async (tx) => {
    const set = await tx.fleetControl.updateMany({
      where: { id: FLEET, emergencyHaltAt: { not: null } },
      data: { emergencyHaltAt: null, emergencyHaltById: null, emergencyHaltReason: null },
    });
    if (set.count !== 1) throw new AppError("CONFLICT", "There is no emergency halt to lift.");
    return { result: null, audit: { action: "fleet.emergency_halt_lifted", targetType: "fleet", targetId: "fleet", data: {} } };
  });
  return getFleetControl(ctx);
}
