import { useFormatter } from "next-intl";

/**
 * A São Paulo calendar day as the API sends it ("2026-12-04") in the console's one date format.
 * Noon in São Paulo is the same day there whatever the browser's zone, so the day never shifts.
 */
export function useFormatDay(): (day: string) => string {
  const format = useFormatter();
  return (day) => format.dateTime(new Date(`${day}T12:00:00-03:00`), "date");
}
