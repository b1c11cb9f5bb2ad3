import { type InputHTMLAttributes, type ReactNode, useId } from "react";
import { checkboxClass } from "./styles";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { label: ReactNode; description?: ReactNode };

/** A checkbox with its label (and an optional line of help) as one click target. */
export function CheckboxField({ label, description, className = "", ...input }: Props) {
  const id = useId();
  return (
    <div className={`flex items-start gap-2 ${className}`}>
      <input
        id={id}
        type="checkbox"
        className={`mt-0.5 ${checkboxClass}`}
        aria-describedby={description ? `${id}-help` : undefined}
        {...input}
      />
      <label htmlFor={id} className="text-sm text-slate-800">
        {label}
        {description ? (
          <span id={`${id}-help`} className="block text-xs text-slate-500">
            {description}
          </span>
        ) : null}
      </label>
    </div>
  );
}
