"use client";
import { useLocale, useTranslations } from "next-intl";
import { monthLabel } from "@/lib/billing-month";
import type { RouterOutputs } from "@/lib/router-types";
import { DataTable } from "../ui/data-table";
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
  type Line =
    | { kind: "base" }
    | { kind: "meter"; line: Content["lines"][number] }
    | { kind: "late"; line: Content["lateUsage"][number] }
    | { kind: "adjustment"; line: Content["adjustments"][number] };
  const rows: Line[] = [
    { kind: "base" },
    ...content.lines.map((line) => ({ kind: "meter" as const, line })),
    ...content.lateUsage.map((line) => ({ kind: "late" as const, line })),
    ...content.adjustments.map((line) => ({ kind: "adjustment" as const, line })),
  ];
  const amount = (centavos: number) => <td className={`${table.td} text-right tabular-nums`}>{brl(centavos)}</td>;
  const renderRow = (row: Line) => {
    switch (row.kind) {
      case "base":
        return (
          <tr key="base" className={table.row}>
            <td className={table.td}>{t("baseFee")}</td>
            <td className={table.td} colSpan={3} />
            {amount(content.baseFeeCentavos)}
          </tr>
        );
      case "meter":
        return (
          <tr key={row.line.meter} className={table.row} data-meter={row.line.meter}>
            <td className={table.td}>{meterName(row.line.meter, row.line.name)}</td>
            <td className={`${table.td} text-right tabular-nums`}>{qty(row.line.quantity)}</td>
            <td className={`${table.td} text-right tabular-nums`}>{qty(row.line.included)}</td>
            <td className={`${table.td} text-right tabular-nums`}>{qty(row.line.billable)}</td>
            {amount(row.line.amountCentavos)}
          </tr>
        );
      case "late":
        return (
          <tr key={`${row.line.month}-${row.line.meter}`} className={table.row}>
            <td className={table.td}>{t("lateUsage", { month: monthLabel(row.line.month, locale), meter: row.line.meter })}</td>
            <td className={`${table.td} text-right tabular-nums`}>{qty(row.line.quantity)}</td>
            <td className={table.td} colSpan={2} />
            {amount(row.line.amountCentavos)}
          </tr>
        );
      case "adjustment":
        return (
          <tr key={row.line.id} className={table.row}>
            <td className={table.td} colSpan={4}>
              {t("adjustment", { reason: row.line.reason })}
            </td>
            {amount(row.line.amountCentavos)}
          </tr>
        );
    }
  };
  return (
    <DataTable
      caption={t("reportLinesCaption")}
      testId="report-lines"
      minWidth="md"
      columns={[
        { key: "meter", label: t("columns.meter") },
        { key: "quantity", label: t("columns.quantity"), align: "right" },
        { key: "included", label: t("columns.included"), align: "right" },
        { key: "billable", label: t("columns.billable"), align: "right" },
        { key: "amount", label: t("columns.amount"), align: "right" },
      ]}
      rows={rows}
      renderRow={renderRow}
      empty={null}
      footer={
        <tr className="bg-slate-50 font-semibold">
          <td className={table.td} colSpan={4}>
            {t("total")}
          </td>
          <td className={`${table.td} text-right tabular-nums`} data-testid="report-total">
            {brl(content.totalCentavos)}
          </td>
        </tr>
      }
    />
  );
}
