import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";

export const LOCALES = ["pt-BR", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export async function setLocale(ctx: DomainContext, input: { locale: Locale }) {
  await ctx.db.$transaction([
    ctx.db.user.update({ where: { id: ctx.actor.userId }, data: { locale: input.locale } }),
    ctx.db.auditEvent.create({
      data: auditEntry(ctx, {
        action: "user.locale_changed",
        targetType: "user",
        targetId: ctx.actor.userId,
        data: { locale: input.locale },
      }),
    }),
  ]);
  return { locale: input.locale };
}
