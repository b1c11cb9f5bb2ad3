import { type TextareaHTMLAttributes, useId } from "react";
import { labelClass, textAreaClass } from "./styles";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string; error?: string | null };

/** A labelled multi-line input whose hint and error are announced with it. */
export function TextAreaField({ label, hint, error, className = "", ...textarea }: Props) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <textarea id={id} className={textAreaClass} aria-invalid={error ? true : undefined} aria-describedby={described} {...textarea} />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium whitespace-pre-line text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
