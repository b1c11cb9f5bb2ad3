"use client";
import { useLocale, useTranslations } from "next-intl";
import { monthLabel } from "@/lib/billing-month";
import type { RouterOutputs } from "@/lib/router-types";
import { table } from "../ui/styles";
import { useBrl } from "./use-brl";
import { useMeterName } from "./use-meter-name";

type Content = RouterOutputs["billing"]["report"]["content"];

/** A report's lines: base fee, each meter (quantity, included, billable, amount), late usage, adjustments, total. */
export function ReportLines({ content }: { content: Content }) {
  const t = useTranslations("usage");
  const locale = useLocale();
  const brl = useBrl();
  const meterName = useMeterName();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const qty = (text: string) => number.format(Number(text));
  return (
    <div className={table.wrapper}>
      <table className={table.table} data-testid="report-lines">
        <thead>
          <tr>
            <th className={table.th}>{t("columns.meter")}</th>
            <th className={`${table.th} text-right`}>{t("columns.quantity")}</th>
            <th className={`${table.th} text-right`}>{t("columns.included")}</th>
            <th className={`${table.th} text-right`}>{t("columns.billable")}</th>
            <th className={`${table.th} text-right`}>{t("columns.amount")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          <tr className={table.row}>
            <td className={table.td}>{t("baseFee")}</td>
            <td className={table.td} colSpan={3} />
            <td className={`${table.td} text-right tabular-nums`}>{brl(content.baseFeeCentavos)}</td>
          </tr>
          {content.lines.map((line) => (
            <tr key={line.meter} className={table.row} data-meter={line.meter}>
              <td className={table.td}>{meterName(line.meter, line.name)}</td>
              <td className={`${table.td} text-right tabular-nums`}>{qty(line.quantity)}</td>
              <td className={`${table.td} text-right tabular-nums`}>{qty(line.included)}</td>
              <td className={`${table.td} text-right tabular-nums`}>{qty(line.billable)}</td>
              <td className={`${table.td} text-right tabular-nums`}>{brl(line.amountCentavos)}</td>
            </tr>
          ))}
          {content.lateUsage.map((line) => (
            <tr key={`${line.month}-${line.meter}`} className={table.row}>
              <td className={table.td}>{t("lateUsage", { month: monthLabel(line.month, locale), meter: line.meter })}</td>
              <td className={`${table.td} text-right tabular-nums`}>{qty(line.quantity)}</td>
              <td className={table.td} colSpan={2} />
              <td className={`${table.td} text-right tabular-nums`}>{brl(line.amountCentavos)}</td>
            </tr>
          ))}
          {content.adjustments.map((a) => (
            <tr key={a.id} className={table.row}>
              <td className={table.td} colSpan={4}>
                {t("adjustment", { reason: a.reason })}
              </td>
              <td className={`${table.td} text-right tabular-nums`}>{brl(a.amountCentavos)}</td>
            </tr>
          ))}
          <tr className="bg-slate-50 font-semibold">
            <td className={table.td} colSpan={4}>
              {t("total")}
            </td>
            <td className={`${table.td} text-right tabular-nums`} data-testid="report-total">
              {brl(content.totalCentavos)}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
