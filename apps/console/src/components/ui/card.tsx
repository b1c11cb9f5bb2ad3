import type { ReactNode } from "react";

/** A titled panel; the title also names the region for assistive tech. */
export function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-sm" aria-label={title}>
      <header className="border-b border-slate-100 px-4 py-2.5">
        <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
      </header>
      <div className="p-4">{children}</div>
    </section>
  );
}
