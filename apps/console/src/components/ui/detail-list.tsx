import type { ReactNode } from "react";

export type Detail = { label: string; value: ReactNode };

/** Label/value pairs in two columns: dense, and read as a description list by assistive tech. */
export function DetailList({ items }: { items: readonly Detail[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-2.5 text-sm sm:grid-cols-[minmax(9rem,auto)_1fr]">
      {items.map((item) => (
        <div key={item.label} className="contents">
          <dt className="text-slate-500">{item.label}</dt>
          <dd className="min-w-0 break-words text-slate-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
