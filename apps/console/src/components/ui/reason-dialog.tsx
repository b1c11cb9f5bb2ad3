"use client";
import { TEXT_LIMITS } from "@opus/rules/text-limits";
import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { Alert } from "./alert";
import { Button } from "./button";
import type { ButtonVariant } from "./styles";
import { TextAreaField } from "./text-area-field";

type Props = {
  open: boolean;
  title: string;
  children?: ReactNode;
  /** The text box's label ("Reason", "Note"). */
  label: string;
  hint?: string;
  required?: boolean;
  confirmLabel: string;
  variant?: ButtonVariant;
  pending?: boolean;
  /** Why the last attempt failed (shown inside the dialog, which stays open). */
  error?: string | null;
  onConfirm: (text: string) => void;
  onCancel: () => void;
};

/** A modal decision that records a reason or a note, built on <dialog> (focus trapped, Escape cancels). */
export function ReasonDialog({
  open,
  title,
  children,
  label,
  hint,
  required = false,
  confirmLabel,
  variant = "primary",
  pending = false,
  error = null,
  onConfirm,
  onCancel,
}: Props) {
  const t = useTranslations("common");
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [text, setText] = useState("");
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (open && !dialog?.open) {
      setText("");
      setMissing(false);
      dialog?.showModal();
    }
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = text.trim();
    setMissing(required && !value);
    if (required && !value) return;
    onConfirm(value);
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-full max-w-lg rounded-lg border border-slate-200 p-0 text-left font-normal whitespace-normal shadow-xl backdrop:bg-slate-900/40"
    >
      <form onSubmit={submit} noValidate>
        <div className="space-y-3 p-5">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {children ? <div className="text-sm text-slate-600">{children}</div> : null}
          {error ? <Alert tone="error">{error}</Alert> : null}
          <TextAreaField
            label={required ? label : t("optionalLabel", { label })}
            hint={hint}
            rows={3}
            maxLength={TEXT_LIMITS.reason}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={missing ? t("reasonRequired") : null}
          />
        </div>
        <div className="flex justify-end gap-2 border-t border-slate-100 bg-slate-50 px-5 py-3">
          <Button onClick={onCancel} disabled={pending}>
            {t("cancel")}
          </Button>
          <Button type="submit" variant={variant} pending={pending}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
