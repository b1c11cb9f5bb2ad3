// The console's notifications: an institution's (through its scope, for its members and Opus
// staff), and Opus operations' own (no institution), newest first.
import { authorize } from "../../authz/permissions.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";

const LIMIT = 50;
const select = { id: true, kind: true, subject: true, body: true, createdAt: true } as const;

export function listInstitutionNotifications(ctx: DomainContext, input: { institutionId: string }) {
  return scopedDb(ctx, input.institutionId).notification.findMany({ orderBy: { createdAt: "desc" }, take: LIMIT, select });
}

export function listOpusNotifications(ctx: DomainContext) {
  authorize(ctx.actor, "fleet.read");
  return ctx.db.notification.findMany({ where: { institutionId: null }, orderBy: { createdAt: "desc" }, take: LIMIT, select });
}
