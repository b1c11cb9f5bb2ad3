"use client";
import { formatBrl } from "@opus/rules/brl";
import { useLocale } from "next-intl";

/** Formats integer centavos in the person's language: "R$ 2.351,85" / "R$2,351.85". */
export function useBrl(): (centavos: number) => string {
  const locale = useLocale();
  return (centavos) => formatBrl(centavos, locale === "pt-BR" ? "pt-BR" : "en");
}
