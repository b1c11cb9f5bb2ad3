// The weekly availability report's default: the week (Monday to Sunday) that ended last.
/** The Monday of the last full week before `today` (a date in YYYY-MM-DD). */
export function lastFullWeek(today: string): string {
  const date = new Date(`${today}T12:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - sinceMonday - 7);
  return date.toISOString().slice(0, 10);
}
