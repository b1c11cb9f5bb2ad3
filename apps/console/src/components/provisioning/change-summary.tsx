"use client";
import { useTranslations } from "next-intl";
import type { Operation, OperationKind } from "./provisioning-types";

const KNOWN = ["create", "update", "replace", "delete", "same"] as const;
type Known = (typeof KNOWN)[number];

const TONES: Record<Known | "other", string> = {
  create: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  update: "bg-amber-50 text-amber-800 ring-amber-300",
  replace: "bg-orange-50 text-orange-800 ring-orange-300",
  delete: "bg-red-50 text-red-800 ring-red-300",
  same: "bg-slate-50 text-slate-600 ring-slate-200",
  other: "bg-sky-50 text-sky-800 ring-sky-300",
};

const SIGNS: Record<Known | "other", string> = { create: "+", update: "~", replace: "±", delete: "−", same: "=", other: "•" };

/** Pulumi's resource change counts ({create: 7, same: 2}): "to create" for a plan, "created" once applied. */
export function ChangeSummary({ summary, kind }: { summary: Operation["summary"]; kind: OperationKind }) {
  const t = useTranslations("Provisioning.summary");
  const tense = kind === "PREVIEW" || kind === "REFRESH" ? "planned" : "applied";
  const counts = Object.entries(summary && typeof summary === "object" && !Array.isArray(summary) ? summary : {}).filter(
    (entry): entry is [string, number] => typeof entry[1] === "number" && entry[1] > 0,
  );
  if (counts.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  // Changes first, in a fixed order; whatever else the engine reports after them.
  const order = (op: string) => {
    const index = KNOWN.indexOf(op as Known);
    return index === -1 ? KNOWN.length : index;
  };
  counts.sort(([a], [b]) => order(a) - order(b));
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t("title")} data-testid="change-summary">
      {counts.map(([op, count]) => {
        const known = KNOWN.includes(op as Known) ? (op as Known) : null;
        return (
          <li
            key={op}
            className={`inline-flex items-center gap-1.5 rounded-md px-2.5 py-1 text-sm font-medium ring-1 ring-inset ${TONES[known ?? "other"]}`}
          >
            <span aria-hidden="true" className="font-mono">
              {SIGNS[known ?? "other"]}
            </span>
            {known ? t(`${tense}.${known}`, { count }) : t(`${tense}.other`, { count, op })}
          </li>
        );
      })}
    </ul>
  );
}
