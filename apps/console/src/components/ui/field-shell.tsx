import { type ReactNode, useId } from "react";
import { labelClass } from "./styles";

type Props = {
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  className?: string | undefined;
  /** Extra classes for the error line (e.g. keeping line breaks of multi-line messages). */
  errorClassName?: string;
  /** Renders the control with the id its label points at and the ids of its hint and error. */
  children: (control: { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined }) => ReactNode;
};

/** The label, hint and error around any form control, wired so assistive technology announces them together. */
export function FieldShell({ label, hint, error, className = "", errorClassName = "", children }: Props) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": described })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className={`text-xs font-medium text-red-700 ${errorClassName}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
