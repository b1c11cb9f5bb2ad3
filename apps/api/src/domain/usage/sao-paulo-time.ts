// Billing months are calendar months in America/Sao_Paulo. Brazil has had no daylight saving since
// 2019, but nothing here assumes a fixed offset: every conversion goes through the time zone database.

export const BILLING_TIME_ZONE = "America/Sao_Paulo";

const parts = new Intl.DateTimeFormat("en-CA", {
  timeZone: BILLING_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function localParts(instant: Date) {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

/** "YYYY-MM" of the São Paulo month an instant falls in. */
export function billingMonthOf(instant: Date): string {
  const { year, month } = localParts(instant);
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** "YYYY-MM-DD" of the São Paulo day an instant falls in. */
export function billingDayOf(instant: Date): string {
  const { year, month, day } = localParts(instant);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The instant São Paulo's wall clock reads `y-m-d 00:00`. */
function localMidnight(year: number, month: number, day: number): Date {
  const guess = Date.UTC(year, month - 1, day);
  // The offset at the guess; applying it twice converges even across an offset change.
  let instant = guess;
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(instant));
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    instant += guess - asUtc;
  }
  return new Date(instant);
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function parseMonth(month: string): { year: number; month: number } {
  if (!MONTH_PATTERN.test(month)) throw new Error(`not a month: ${month}`);
  return { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) };
}

/** [start, end) of a São Paulo month as instants. */
export function monthBounds(month: string): { start: Date; end: Date } {
  const m = parseMonth(month);
  const next = m.month === 12 ? { year: m.year + 1, month: 1 } : { year: m.year, month: m.month + 1 };
  return { start: localMidnight(m.year, m.month, 1), end: localMidnight(next.year, next.month, 1) };
}

export function addMonths(month: string, delta: number): string {
  const m = parseMonth(month);
  const index = m.year * 12 + (m.month - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The São Paulo days of a month, "YYYY-MM-DD". */
export function daysOfMonth(month: string): string[] {
  const m = parseMonth(month);
  const count = new Date(Date.UTC(m.year, m.month, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`);
}

/** The instant a São Paulo day ("YYYY-MM-DD") begins. */
export function dayStart(day: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  return localMidnight(year ?? 0, month ?? 1, date ?? 1);
}
