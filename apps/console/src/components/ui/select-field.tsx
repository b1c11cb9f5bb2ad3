import type { SelectHTMLAttributes } from "react";
import { FieldShell } from "./field-shell";
import { inputClass } from "./styles";

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  options: readonly { value: string; label: string }[];
  hint?: string;
  error?: string | null;
};

/** A labelled select whose hint and error are announced with it. */
export function SelectField({ label, options, hint, error, className, ...select }: Props) {
  return (
    <FieldShell label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <select className={`${inputClass} pr-8`} {...control} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
