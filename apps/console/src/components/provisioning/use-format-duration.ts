"use client";
import { useTranslations } from "next-intl";

/** A run's duration in words a person reads at a glance: "2.4 s", "3 min 5 s", "1 h 2 min". */
export function useFormatDuration(): (ms: number) => string {
  const t = useTranslations("Provisioning.duration");
  return (ms) => {
    if (ms < 60_000) {
      // One decimal under ten seconds, where it matters; whole seconds above.
      const seconds = ms < 10_000 ? Math.round(ms / 100) / 10 : Math.round(ms / 1000);
      return t("seconds", { seconds });
    }
    const totalSeconds = Math.round(ms / 1000);
    const hours = Math.floor(totalSeconds / 3600);
    const minutes = Math.floor((totalSeconds % 3600) / 60);
    if (hours > 0) return t("hours", { hours, minutes });
    return t("minutes", { minutes, seconds: totalSeconds % 60 });
  };
}
