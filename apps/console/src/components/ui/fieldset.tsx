import { type ReactNode, useId } from "react";

type Props = { legend: string; hint?: ReactNode; error?: string | null; className?: string; children: ReactNode };

/** A group of related inputs (checkboxes, radio cards) with one legend and one error for the group. */
export function Fieldset({ legend, hint, error, className = "", children }: Props) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={`space-y-2 ${className}`} aria-describedby={described} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="-mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
