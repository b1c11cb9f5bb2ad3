"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { homePath } from "@/lib/home-path";
import { buttonBase, buttonVariants } from "../ui/styles";
import { useCurrentMe } from "./me-context";

/**
 * A page this person's role does not open, or a record that is not theirs (or does not exist: the
 * API does not tell the two apart, so neither does this). No retry: trying again cannot help.
 */
export function NotAvailable() {
  const t = useTranslations("notAvailable");
  const me = useCurrentMe();
  const home = homePath(me);
  return (
    <section className="mx-auto max-w-xl py-10 text-center" data-testid="not-available">
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("description")}</p>
      {home ? (
        <Link href={home} className={`${buttonBase} ${buttonVariants.primary} mt-5`}>
          {t("home")}
        </Link>
      ) : null}
    </section>
  );
}
