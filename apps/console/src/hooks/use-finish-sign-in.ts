"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale } from "next-intl";
import { isLocale } from "@/i18n/locales";
import { homePath, needsTwoFactor, TWO_FACTOR_PATH } from "@/lib/home-path";
import { writeLocaleCookie } from "@/lib/locale-cookie";
import { useTRPC } from "@/lib/trpc";

/**
 * After a session exists: apply the language saved on the account, then go where the person was
 * heading (staff without TOTP go to enrolment first, since the API refuses them everything else).
 */
export function useFinishSignIn(): (next: string | null) => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const locale = useLocale();
  return async (next) => {
    queryClient.clear();
    const me = await queryClient.fetchQuery(trpc.me.get.queryOptions());
    const target = needsTwoFactor(me) ? TWO_FACTOR_PATH : (next ?? homePath(me) ?? "/");
    if (isLocale(me.locale) && me.locale !== locale) {
      writeLocaleCookie(me.locale);
      // A full load, so the root layout renders again with the other catalogue.
      window.location.assign(target);
      return;
    }
    router.replace(target);
  };
}
