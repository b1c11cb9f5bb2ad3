"use client";
import { normalizeCnpj } from "@opus/rules/cnpj";
import { TEXT_LIMITS } from "@opus/rules/text-limits";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import { appErrorFieldMap } from "@/lib/app-error";
import { useTRPC } from "@/lib/trpc";
import { CnpjField } from "../institutions/cnpj-field";
import { isEmail } from "../onboarding/field-errors";
import { cnpjError } from "../onboarding/identity-form";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextField } from "../ui/text-field";
import { AuthLayout } from "./auth-layout";

const MIN_PASSWORD = 10;
type Form = { name: string; email: string; password: string; confirm: string; legalName: string; cnpj: string };
const EMPTY: Form = { name: "", email: "", password: "", confirm: "", legalName: "", cnpj: "" };

/** Public: a customer asks for an account and an institution. Nothing exists (and nobody is signed in) until Opus approves. */
export function SignUpForm() {
  const t = useTranslations();
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const [form, setForm] = useState<Form>(EMPTY);
  const [checked, setChecked] = useState(false);
  const create = useMutation(trpc.signups.create.mutationOptions());
  const server = create.isError ? appErrorFieldMap(create.error) : {};
  const set = (changes: Partial<Form>) => setForm((f) => ({ ...f, ...changes }));

  const cnpj = cnpjError(form.cnpj);
  const problems = {
    name: !form.name.trim() ? t("common.required") : null,
    email: !isEmail(form.email) ? t("signUp.errors.email") : null,
    password: form.password.length < MIN_PASSWORD ? t("signUp.errors.password", { min: MIN_PASSWORD }) : null,
    confirm: form.confirm !== form.password ? t("signUp.errors.mismatch") : null,
    legalName: !form.legalName.trim() ? t("common.required") : null,
    cnpj: cnpj ? t(`onboarding.errors.${cnpj}`) : null,
  };
  const shown = (field: keyof typeof problems) => (checked ? problems[field] : null);
  const serverEmail = server.email ? t(server.email === "request pending" ? "signUp.errors.pending" : "signUp.errors.emailTaken") : null;
  const serverCnpj = server.cnpj
    ? t(server.cnpj === "already registered" ? "signUp.errors.cnpjTaken" : "onboarding.errors.rejected")
    : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    if (Object.values(problems).some(Boolean)) return;
    create.mutate({
      name: form.name.trim(),
      email: form.email.trim(),
      password: form.password,
      legalName: form.legalName.trim(),
      cnpj: normalizeCnpj(form.cnpj),
    });
  }

  if (create.isSuccess) {
    return (
      <AuthLayout title={t("signUp.doneTitle")}>
        <Alert tone="success">
          <p className="font-medium">{t("signUp.done", { email: create.data.email })}</p>
          <p className="mt-1">{t("signUp.doneHelp")}</p>
        </Alert>
        <Link href="/sign-in" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
          {t("signUp.toSignIn")}
        </Link>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t("signUp.title")} description={t("signUp.description")}>
      <form onSubmit={submit} noValidate className="space-y-4">
        {create.isError && !serverEmail && !serverCnpj ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
        <TextField
          label={t("signUp.name")}
          value={form.name}
          onChange={(e) => set({ name: e.target.value })}
          error={shown("name")}
          autoComplete="name"
          maxLength={TEXT_LIMITS.name}
          required
        />
        <TextField
          label={t("signUp.email")}
          type="email"
          value={form.email}
          onChange={(e) => set({ email: e.target.value })}
          error={shown("email") ?? serverEmail}
          autoComplete="email"
          maxLength={TEXT_LIMITS.email}
          required
        />
        <TextField
          label={t("signUp.password")}
          type="password"
          hint={t("signUp.passwordHint", { min: MIN_PASSWORD })}
          value={form.password}
          onChange={(e) => set({ password: e.target.value })}
          error={shown("password")}
          autoComplete="new-password"
          maxLength={TEXT_LIMITS.passwordMax}
          required
        />
        <TextField
          label={t("signUp.confirm")}
          type="password"
          value={form.confirm}
          onChange={(e) => set({ confirm: e.target.value })}
          error={shown("confirm")}
          autoComplete="new-password"
          maxLength={TEXT_LIMITS.passwordMax}
          required
        />
        <TextField
          label={t("signUp.legalName")}
          value={form.legalName}
          onChange={(e) => set({ legalName: e.target.value })}
          error={shown("legalName")}
          autoComplete="organization"
          maxLength={TEXT_LIMITS.legalName}
          required
        />
        <CnpjField value={form.cnpj} onChange={(value) => set({ cnpj: value })} error={shown("cnpj") ?? serverCnpj} />
        <Button type="submit" variant="primary" pending={create.isPending} className="w-full">
          {t("signUp.submit")}
        </Button>
        <p className="text-xs text-slate-500">
          {t("signUp.haveAccount")}{" "}
          <Link href="/sign-in" className="font-medium text-brand-700 hover:underline">
            {t("signUp.toSignIn")}
          </Link>
        </p>
      </form>
    </AuthLayout>
  );
}
