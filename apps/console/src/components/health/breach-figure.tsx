"use client";
import { useLocale, useTranslations } from "next-intl";
import { type Breach, budgetMinutes, restsOnKey } from "./health-labels";

/** The figure a breach rests on, with its limit, and which figure that is. */
export function BreachFigure({ breach }: { breach: Breach }) {
  const t = useTranslations("health");
  const number = new Intl.NumberFormat(useLocale());
  const v = breach.verdict;
  let figure: string;
  if (v.rule === "availability.daily") {
    figure = t("figure.daily", { value: v.availabilityPercent ?? "—", minimum: v.minimumPercent });
  } else if (v.rule === "availability.window") {
    figure = t("figure.window", {
      value: v.availabilityPercent ?? "—",
      minimum: v.minimumPercent,
      over: number.format(-budgetMinutes(v.remainingSeconds)),
      covered: v.coveredDays,
      days: v.windowDays,
    });
  } else {
    figure = t("figure.latency", { value: number.format(v.p95Ms ?? 0), limit: number.format(v.limitMs ?? 0) });
  }
  return (
    <span>
      {figure}
      <span className="block text-xs text-slate-500">{t("restsOnLabel", { basis: t(`restsOn.${restsOnKey(v.restsOn)}`) })}</span>
    </span>
  );
}
