// A monthly usage report's content, and its canonical bytes: the same inputs (events, prices,
// adjustments) always give the same bytes and so the same SHA-256. Nothing volatile goes in (no
// "computed at", no status): who finalized it and when are stored beside the content, not in it.
import { createHash } from "node:crypto";
import { BILLING_TIME_ZONE, monthBounds } from "../usage/sao-paulo-time.ts";
import { type Centavos, sumCentavos } from "./money.ts";
import type { PriceVersion } from "./plan-prices.ts";
import { type PriceLine, priceLine } from "./price-line.ts";

export type ReportMeter = { code: string; name: string; unit: string; aggregation: string };
export type MeterLine = PriceLine & { meter: string; name: string; unit: string; aggregation: string };
/** Usage that arrived after `month` was finalized: the difference, booked on a later report. */
export type LateUsageLine = { month: string; meter: string; quantity: string; amountCentavos: Centavos };
export type AdjustmentLine = { id: string; reason: string; amountCentavos: Centavos };

export type ReportContent = {
  format: "opus-usage-report/1";
  institution: { id: string; legalName: string; cnpj: string | null };
  month: string;
  timeZone: string;
  period: { start: string; end: string };
  deploymentMode: string | null;
  plan: { code: string; name: string; priceVersionId: string; effectiveMonth: string } | null;
  baseFeeCentavos: Centavos;
  lines: MeterLine[];
  lateUsage: LateUsageLine[];
  adjustments: AdjustmentLine[];
  usageCentavos: Centavos;
  totalCentavos: Centavos;
};

export type ReportInputs = {
  institution: { id: string; legalName: string; cnpj: string | null };
  month: string;
  deploymentMode: "SAAS" | "MANAGED" | "SELF_MANAGED" | null;
  plan: { code: string; name: string } | null;
  version: PriceVersion | null;
  meters: ReportMeter[];
  quantities: ReadonlyMap<string, string>;
  lateUsage: LateUsageLine[];
  adjustments: AdjustmentLine[];
};

/** One line per meter that is priced by the plan or was used, in meter-code order. */
export function meterLines(meters: ReportMeter[], version: PriceVersion | null, quantities: ReadonlyMap<string, string>): MeterLine[] {
  const priced = version?.spec.meters ?? {};
  return meters
    .filter((m) => m.code in priced || quantities.has(m.code))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((m) => ({
      meter: m.code,
      name: m.name,
      unit: m.unit,
      aggregation: m.aggregation,
      ...priceLine(quantities.get(m.code) ?? "0", priced[m.code]),
    }));
}

export function buildReportContent(input: ReportInputs): ReportContent {
  const { start, end } = monthBounds(input.month);
  const lines = meterLines(input.meters, input.version, input.quantities);
  const baseFeeCentavos = input.version && input.deploymentMode ? input.version.spec.baseFees[input.deploymentMode] : 0;
  const usageCentavos = sumCentavos(lines.map((l) => l.amountCentavos));
  const lateUsage = [...input.lateUsage].sort((a, b) => (a.month + a.meter < b.month + b.meter ? -1 : 1));
  const adjustments = [...input.adjustments].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    format: "opus-usage-report/1",
    institution: input.institution,
    month: input.month,
    timeZone: BILLING_TIME_ZONE,
    period: { start: start.toISOString(), end: end.toISOString() },
    deploymentMode: input.deploymentMode,
    plan:
      input.plan && input.version
        ? { code: input.plan.code, name: input.plan.name, priceVersionId: input.version.id, effectiveMonth: input.version.effectiveMonth }
        : null,
    baseFeeCentavos,
    lines,
    lateUsage,
    adjustments,
    usageCentavos,
    totalCentavos: sumCentavos([
      baseFeeCentavos,
      usageCentavos,
      ...lateUsage.map((l) => l.amountCentavos),
      ...adjustments.map((a) => a.amountCentavos),
    ]),
  };
}

/** JSON with object keys sorted at every level and no whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
