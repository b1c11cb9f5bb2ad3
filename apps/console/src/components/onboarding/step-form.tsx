"use client";
import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useRef } from "react";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";

type Props = {
  title: string;
  description?: ReactNode;
  /** Validates and saves; resolves true when the wizard may move on. */
  onSubmit: () => Promise<boolean> | boolean;
  onBack?: (() => void) | null;
  pending: boolean;
  error?: string | null;
  children: ReactNode;
};

const INVALID =
  'input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"], fieldset[aria-invalid="true"] input';

/** One wizard step: its fields, the reason it could not be saved, and Back / Save and continue. */
export function StepForm({ title, description, onSubmit, onBack, pending, error, children }: Props) {
  const t = useTranslations("onboarding");
  const ref = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await onSubmit()) return;
    // After React has shown the errors, take the keyboard to the first field to fix.
    setTimeout(() => ref.current?.querySelector<HTMLElement>(INVALID)?.focus(), 0);
  }

  return (
    <form
      ref={ref}
      onSubmit={submit}
      noValidate
      className="rounded-lg border border-slate-200 bg-white shadow-sm"
      aria-labelledby="step-title"
    >
      <header className="border-b border-slate-100 px-5 py-4">
        <h2 id="step-title" className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {description ? <p className="mt-0.5 text-sm text-slate-600">{description}</p> : null}
      </header>
      <div className="space-y-5 px-5 py-5">
        {error ? <Alert tone="error">{error}</Alert> : null}
        {children}
      </div>
      <footer className="flex items-center justify-between gap-3 rounded-b-lg border-t border-slate-100 bg-slate-50 px-5 py-3">
        {onBack ? (
          <Button onClick={onBack} disabled={pending}>
            {t("back")}
          </Button>
        ) : (
          <span />
        )}
        <div className="flex items-center gap-3">
          <span className="text-xs text-slate-500">{t("savedNote")}</span>
          <Button type="submit" variant="primary" pending={pending}>
            {t("saveAndContinue")}
          </Button>
        </div>
      </footer>
    </form>
  );
}
