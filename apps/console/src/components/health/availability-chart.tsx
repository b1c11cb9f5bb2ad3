"use client";
import { useTranslations } from "next-intl";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { EnvironmentHealth } from "./health-labels";

/** The worst endpoint's availability per day against the daily minimum. */
export function AvailabilityChart({ data }: { data: EnvironmentHealth }) {
  const t = useTranslations("health");
  const minimum = data.rules.dailyAvailability.minimumBasisPoints / 100;
  const points = data.health.days
    .filter((d) => d.availabilityPercent !== null)
    .map((d) => ({ day: d.day.slice(5), availability: Number(d.availabilityPercent) }));
  const lowest = Math.min(minimum, ...points.map((p) => p.availability));
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" aria-label={t("availabilityChart")}>
      <figcaption className="mb-2 text-sm font-semibold text-slate-900">{t("availabilityChart")}</figcaption>
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 4, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tick={{ fontSize: 11 }} />
            <YAxis domain={[Math.floor(lowest - 1), 100]} tick={{ fontSize: 11 }} width={40} unit="%" />
            <Tooltip formatter={(v) => `${Number(v).toFixed(4)}%`} />
            <ReferenceLine
              ifOverflow="extendDomain"
              y={minimum}
              stroke="#dc2626"
              strokeDasharray="4 4"
              label={{ value: t("dailyMinimum", { minimum }), fontSize: 11, fill: "#b91c1c", position: "insideBottomRight" }}
            />
            <Line type="monotone" dataKey="availability" name={t("availability")} stroke="#2563eb" dot isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
