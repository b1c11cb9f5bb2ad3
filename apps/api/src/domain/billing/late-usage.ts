// Events that arrive for a month after its report was finalized are booked on the first report not
// yet finalized after it, as the difference between what the month costs now (its own frozen prices)
// and what was already billed for it (its report plus late lines on reports finalized since).
import type { PublicDomainContext } from "../domain-context.ts";
import { addMonths } from "../usage/sao-paulo-time.ts";
import { decimalText, exact } from "./money.ts";
import { monthQuantities } from "./month-quantities.ts";
import { priceVersionById } from "./plan-prices.ts";
import { type LateUsageLine, meterLines, type ReportContent, type ReportMeter } from "./report-content.ts";

export async function lateUsageLines(
  ctx: Pick<PublicDomainContext, "db">,
  institutionId: string,
  month: string,
  meters: ReportMeter[],
): Promise<LateUsageLine[]> {
  const [marks, finalized] = await Promise.all([
    ctx.db.$queryRawUnsafe<{ month: string }[]>(
      "SELECT month FROM usage_late_month WHERE institution_id = $1 AND month < $2",
      institutionId,
      month,
    ),
    ctx.db.usageReport.findMany({ where: { institutionId, month: { lt: month } }, select: { month: true, canonical: true } }),
  ]);
  const reports = new Map(finalized.map((r) => [r.month, JSON.parse(r.canonical) as ReportContent]));
  const lines: LateUsageLine[] = [];
  for (const { month: late } of marks) {
    const original = reports.get(late);
    if (!original) continue;
    // Only the first open report after the late month books it: every month in between is finalized.
    let between = addMonths(late, 1);
    let first = true;
    for (; between < month; between = addMonths(between, 1)) {
      if (!reports.has(between)) first = false;
    }
    if (!first) continue;
    const version = original.plan ? await priceVersionById(ctx, original.plan.priceVersionId) : null;
    const now = meterLines(meters, version, (await monthQuantities(ctx.db, late, [institutionId])).get(institutionId) ?? new Map());
    for (const line of now) {
      let quantity = exact(original.lines.find((l) => l.meter === line.meter)?.quantity ?? "0");
      let amount = original.lines.find((l) => l.meter === line.meter)?.amountCentavos ?? 0;
      for (let m = addMonths(late, 1); m < month; m = addMonths(m, 1)) {
        for (const booked of reports.get(m)?.lateUsage ?? []) {
          if (booked.month === late && booked.meter === line.meter) {
            quantity = quantity.plus(exact(booked.quantity));
            amount += booked.amountCentavos;
          }
        }
      }
      const quantityDelta = exact(line.quantity).minus(quantity);
      const amountDelta = line.amountCentavos - amount;
      if (!quantityDelta.isZero() || amountDelta !== 0) {
        lines.push({ month: late, meter: line.meter, quantity: decimalText(quantityDelta), amountCentavos: amountDelta });
      }
    }
  }
  return lines;
}
