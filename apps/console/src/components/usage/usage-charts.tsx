"use client";
import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { monthLabel } from "@/lib/billing-month";
import type { RouterOutputs } from "@/lib/router-types";
import { EmptyState } from "../ui/empty-state";
import { useMeterName } from "./use-meter-name";

type Daily = RouterOutputs["usage"]["daily"];

const COLOURS = ["#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626", "#0891b2", "#4d7c0f", "#be185d"];

/** Daily bars per meter; API calls stacked by API family. Quantities are counts, not money: numbers are fine here. */
export function UsageCharts({ daily }: { daily: Daily }) {
  const t = useTranslations("usage");
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  const meterName = useMeterName();
  const meters = [...new Set(daily.rows.map((r) => r.meter))].sort();
  if (meters.length === 0) return <EmptyState title={t("noUsage")} />;
  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
      {meters.map((meter) => {
        const rows = daily.rows.filter((r) => r.meter === meter);
        const families = meter === "api_calls" ? [...new Set(rows.map((r) => r.family ?? "—"))].sort() : ["total"];
        const data = daily.days.map((day) => {
          const point: Record<string, number | string> = { day: day.slice(8) };
          for (const family of families) {
            const quantity = rows
              .filter((r) => r.day === day && (meter !== "api_calls" || (r.family ?? "—") === family))
              .reduce((sum, r) => sum + Number(r.quantity), 0);
            point[family] = quantity;
          }
          return point;
        });
        const total = rows.reduce((sum, r) => sum + Number(r.quantity), 0);
        const name = meterName(meter, meter);
        return (
          <figure
            key={meter}
            className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
            aria-label={t("chartLabel", { meter: name, month: monthLabel(daily.month, locale) })}
          >
            <figcaption className="mb-2 flex items-baseline justify-between text-sm">
              <span className="font-semibold text-slate-900">{meter === "api_calls" ? t("byFamily") : name}</span>
              <span className="text-slate-600" data-testid={`usage-total-${meter}`}>
                {number.format(total)}
              </span>
            </figcaption>
            <div className="h-56">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="day" tick={{ fontSize: 11 }} interval={2} />
                  <YAxis tick={{ fontSize: 11 }} width={48} tickFormatter={(v: number) => number.format(v)} />
                  <Tooltip formatter={(v) => number.format(Number(v))} />
                  {families.length > 1 ? <Legend wrapperStyle={{ fontSize: 11 }} /> : null}
                  {families.map((family, i) => (
                    <Bar key={family} dataKey={family} stackId="usage" fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </div>
          </figure>
        );
      })}
    </div>
  );
}
