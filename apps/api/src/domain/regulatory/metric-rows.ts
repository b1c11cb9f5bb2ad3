// Reads endpoint-days in the shape the pure health rules take (`@opus/rules/environment-health`).
import type { Db, Prisma } from "@opus/db/client";
import type { EndpointDayFigures } from "@opus/rules/environment-health";
import { CURRENT_RULES } from "@opus/rules/regulatory-thresholds";
import { addDays } from "@opus/rules/regulatory-verdicts";
import { billingDayOf } from "../usage/sao-paulo-time.ts";

export const FIGURE_SELECT = {
  environmentId: true,
  day: true,
  endpoint: true,
  invocations: true,
  averageResponseMs: true,
  p95ResponseMs: true,
  errors: true,
  rejections: true,
  partialDowntimeSeconds: true,
  scheduledOutageSeconds: true,
} as const;

type Row = {
  environmentId: string;
  day: Date;
  endpoint: string;
  invocations: number;
  averageResponseMs: number;
  p95ResponseMs: number | null;
  errors: number;
  rejections: number;
  partialDowntimeSeconds: number | null;
  scheduledOutageSeconds: number | null;
};

export function toFigures(row: Row): EndpointDayFigures {
  return {
    day: row.day.toISOString().slice(0, 10),
    endpoint: row.endpoint,
    invocations: row.invocations,
    averageResponseMs: row.averageResponseMs,
    p95ResponseMs: row.p95ResponseMs,
    errors: row.errors,
    rejections: row.rejections,
    partialDowntimeSeconds: row.partialDowntimeSeconds,
    scheduledOutageSeconds: row.scheduledOutageSeconds,
  };
}

/** The São Paulo day health is judged on, and the first day of its window. */
export function healthWindow(now: Date) {
  const asOf = billingDayOf(now);
  const from = addDays(asOf, -(CURRENT_RULES.windowAvailability.windowDays - 1));
  return { asOf, from, fromDate: new Date(`${from}T00:00:00Z`), toDate: new Date(`${asOf}T00:00:00Z`) };
}

export function windowRows(db: Db | Prisma.TransactionClient, where: { environmentId?: string | { in: string[] } }, now: Date) {
  const { fromDate, toDate } = healthWindow(now);
  return db.endpointMetricDay.findMany({ where: { ...where, day: { gte: fromDate, lte: toDate } }, select: FIGURE_SELECT });
}
