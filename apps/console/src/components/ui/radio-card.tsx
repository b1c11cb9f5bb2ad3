import type { InputHTMLAttributes, ReactNode } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { title: ReactNode; children?: ReactNode };

/** One choice of a radio group drawn as a card; the whole card is the label. */
export function RadioCard({ title, children, checked, className = "", ...input }: Props) {
  return (
    <label
      className={`flex cursor-pointer gap-3 rounded-lg border p-3 text-sm transition-colors ${checked ? "border-brand-500 bg-brand-50 ring-1 ring-brand-500" : "border-slate-200 bg-white hover:border-slate-300"} ${className}`}
    >
      <input type="radio" checked={checked} className="mt-0.5 size-4 shrink-0 accent-brand-600" {...input} />
      <span className="min-w-0">
        <span className="block font-semibold text-slate-900">{title}</span>
        {children ? <span className="mt-0.5 block text-slate-600">{children}</span> : null}
      </span>
    </label>
  );
}
