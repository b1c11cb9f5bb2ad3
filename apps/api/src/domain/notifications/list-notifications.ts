// The console's notifications: an institution's (through its scope, for its members and Opus
// staff), and Opus operations' own (no institution), newest first, each in the reader's language
// (the one the console shows, else the one they saved) and with whether this reader has read it.
import { authorize } from "../../authz/permissions.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
import { type NoticeLocale, noticeLocaleOf, renderStored } from "./notice-text.ts";

const LIMIT = 50;

function selectFor(userId: string) {
  return {
    id: true,
    kind: true,
    subject: true,
    body: true,
    params: true,
    link: true,
    institutionId: true,
    createdAt: true,
    reads: { where: { userId }, select: { readAt: true } },
  } as const;
}

type Row = {
  id: string;
  kind: string;
  subject: string;
  body: string;
  params: unknown;
  link: string | null;
  institutionId: string | null;
  createdAt: Date;
  reads: { readAt: Date }[];
};

function present(rows: Row[], locale: NoticeLocale) {
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    institutionId: r.institutionId,
    link: r.link,
    createdAt: r.createdAt,
    readAt: r.reads[0]?.readAt ?? null,
    ...renderStored(r, locale),
  }));
}

export type ListInput = { locale?: NoticeLocale | undefined };

const localeOf = (ctx: DomainContext, input: ListInput) => input.locale ?? noticeLocaleOf(ctx.actor?.locale);

export async function listInstitutionNotifications(ctx: DomainContext, input: { institutionId: string } & ListInput) {
  const actorId = ctx.actor?.userId ?? "";
  const rows = await scopedDb(ctx, input.institutionId).notification.findMany({
    orderBy: { createdAt: "desc" },
    take: LIMIT,
    select: selectFor(actorId),
  });
  return present(rows, localeOf(ctx, input));
}

export async function listOpusNotifications(ctx: DomainContext, input: ListInput = {}) {
  authorize(ctx.actor, "fleet.read");
  const rows = await ctx.db.notification.findMany({
    where: { institutionId: null },
    orderBy: { createdAt: "desc" },
    take: LIMIT,
    select: selectFor(ctx.actor?.userId ?? ""),
  });
  return present(rows, localeOf(ctx, input));
}
