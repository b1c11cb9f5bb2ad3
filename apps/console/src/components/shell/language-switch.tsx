"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { LOCALES, type Locale } from "@/i18n/locales";
import { writeLocaleCookie } from "@/lib/locale-cookie";
import { useTRPC } from "@/lib/trpc";

/**
 * pt-BR / English. Sets the cookie the server reads, saves the choice on the account when someone
 * is signed in (so it follows them to other browsers), and re-renders with the new catalogue.
 */
export function LanguageSwitch({ signedIn, tone = "light" }: { signedIn: boolean; tone?: "light" | "dark" }) {
  const t = useTranslations("language");
  const current = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const saveLocale = useMutation(trpc.me.setLocale.mutationOptions());
  const [pending, startTransition] = useTransition();

  async function choose(locale: Locale) {
    if (locale === current) return;
    writeLocaleCookie(locale);
    // The cookie already switched this browser; failing to save the preference must not block that.
    if (signedIn) await saveLocale.mutateAsync({ locale }).catch(() => undefined);
    startTransition(() => router.refresh());
  }

  const idle = tone === "dark" ? "text-brand-100 hover:bg-white/10" : "text-slate-600 hover:bg-slate-100";
  const active = tone === "dark" ? "bg-white text-brand-900" : "bg-brand-600 text-white";
  return (
    <fieldset className="flex items-center gap-1" aria-busy={pending || undefined}>
      <legend className="sr-only">{t("label")}</legend>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          onClick={() => void choose(locale)}
          className={`rounded px-2 py-1 text-xs font-semibold ${locale === current ? active : idle}`}
        >
          {/* The visible code starts the accessible name (WCAG 2.5.3: a voice user says what they see). */}
          {t(`short.${locale}`)}
          <span className="sr-only"> · {t(`names.${locale}`)}</span>
        </button>
      ))}
    </fieldset>
  );
}
