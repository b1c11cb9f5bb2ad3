import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";

export const LOCALES = ["pt-BR", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export async function setLocale(ctx: DomainContext, input: { locale: Locale }) {
  return audited(ctx, ctx.db, async (tx) => {
    await tx.user.update({ where: { id: ctx.actor.userId }, data: { locale: input.locale } });
    return {
      result: { locale: input.locale },
      audit: { action: "user.locale_changed", targetType: "user", targetId: ctx.actor.userId, data: { locale: input.locale } },
    };
  });
}
