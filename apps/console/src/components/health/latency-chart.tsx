"use client";
import { useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { EmptyState } from "../ui/empty-state";
import type { EnvironmentHealth } from "./health-labels";

const CLASSES = ["HIGH", "MEDIUM_HIGH", "MEDIUM", "LOW"] as const;
const COLOURS = { HIGH: "#9333ea", MEDIUM_HIGH: "#2563eb", MEDIUM: "#d97706", LOW: "#16a34a" } as const;

/** The highest reported p95 per endpoint class and day, against each class's limit. Averages are never drawn as percentiles. */
export function LatencyChart({ data }: { data: EnvironmentHealth }) {
  const t = useTranslations("health");
  const present = CLASSES.filter((c) => data.health.days.some((d) => d.p95MsByClass[c] !== undefined));
  const limits = data.rules.latency.limitMs;
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" aria-label={t("latencyChart")}>
      <figcaption className="mb-2 text-sm font-semibold text-slate-900">{t("latencyChart")}</figcaption>
      {present.length === 0 ? (
        <EmptyState title={t("noP95")}>{t("noP95Hint")}</EmptyState>
      ) : (
        <div className="h-56">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart
              data={data.health.days.map((d) => ({ day: d.day.slice(5), ...d.p95MsByClass }))}
              margin={{ top: 4, right: 16, bottom: 0, left: 0 }}
            >
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="day" tick={{ fontSize: 11 }} />
              <YAxis tick={{ fontSize: 11 }} width={48} unit=" ms" />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 11 }} />
              {[...new Set(present.map((c) => limits[c]))].map((limit) => (
                <ReferenceLine
                  ifOverflow="extendDomain"
                  key={limit}
                  y={limit}
                  stroke="#dc2626"
                  strokeDasharray="4 4"
                  label={{ value: t("p95Limit", { limit }), fontSize: 11, fill: "#b91c1c", position: "insideTopRight" }}
                />
              ))}
              {present.map((c) => (
                <Line
                  key={c}
                  type="monotone"
                  dataKey={c}
                  name={t("p95Of", { class: t(`classes.${c}`) })}
                  stroke={COLOURS[c]}
                  connectNulls
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      <p className="mt-2 text-xs text-slate-500">{t("averageNotPercentile")}</p>
    </figure>
  );
}
