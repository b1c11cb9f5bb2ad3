import type { ReactNode } from "react";

type Props = { title: string; actions?: ReactNode; children: ReactNode; className?: string };

/** A titled panel; the title also names the region for assistive tech. */
export function Card({ title, actions, children, className = "" }: Props) {
  return (
    <section className={`rounded-lg border border-slate-200 bg-white shadow-sm ${className}`} aria-label={title}>
      <header className="flex items-center justify-between gap-3 border-b border-slate-100 px-4 py-2.5">
        <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
        {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
      </header>
      <div className="p-4">{children}</div>
    </section>
  );
}
