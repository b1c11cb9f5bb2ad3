import Link from "next/link";
import type { ReactNode } from "react";

type Props = { label: string; value: ReactNode; hint?: string; href?: string | null; tone?: "neutral" | "attention" | "danger" };

const TONES = {
  neutral: "text-slate-900",
  attention: "text-amber-700",
  danger: "text-red-700",
} as const;

/** One number of the dashboard; a link to the list behind it when there is one. */
export function StatTile({ label, value, hint, href, tone = "neutral" }: Props) {
  const body = (
    <>
      <span className="block text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</span>
      <span className={`mt-1 block text-3xl font-semibold tabular-nums ${TONES[tone]}`}>{value}</span>
      {hint ? <span className="mt-1 block text-xs text-slate-500">{hint}</span> : null}
    </>
  );
  const box = "block rounded-lg border border-slate-200 bg-white p-4 shadow-sm";
  return href ? (
    <Link href={href} className={`${box} hover:border-brand-200 hover:bg-brand-50/40`}>
      {body}
    </Link>
  ) : (
    <div className={box}>{body}</div>
  );
}
