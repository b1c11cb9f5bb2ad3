"use client";
import { useTranslations } from "next-intl";

// Meters are data: the seeded ones have names in both languages; others show the name they were given.
const TRANSLATED = ["api_calls", "active_consents", "payments_initiated", "environment_days"] as const;

export function useMeterName(): (code: string, fallback: string) => string {
  const t = useTranslations("usage.meters");
  return (code, fallback) => ((TRANSLATED as readonly string[]).includes(code) ? t(code as (typeof TRANSLATED)[number]) : fallback);
}
