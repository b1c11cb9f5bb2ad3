import type { InputHTMLAttributes } from "react";
import { FieldShell } from "./field-shell";
import { inputClass } from "./styles";

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; error?: string | null };

/** A labelled input whose hint and error are announced with it. */
export function TextField({ label, hint, error, className, ...input }: Props) {
  return (
    <FieldShell label={label} hint={hint} error={error} className={className}>
      {(control) => <input className={inputClass} {...control} {...input} />}
    </FieldShell>
  );
}
