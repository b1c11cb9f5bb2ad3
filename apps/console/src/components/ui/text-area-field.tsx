import type { TextareaHTMLAttributes } from "react";
import { FieldShell } from "./field-shell";
import { textAreaClass } from "./styles";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string; error?: string | null };

/** A labelled multi-line input whose hint and error are announced with it. */
export function TextAreaField({ label, hint, error, className, ...textarea }: Props) {
  return (
    <FieldShell label={label} hint={hint} error={error} className={className} errorClassName="whitespace-pre-line">
      {(control) => <textarea className={textAreaClass} {...control} {...textarea} />}
    </FieldShell>
  );
}
