"use client";
import { TEXT_LIMITS } from "@opus/rules/text-limits";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import { appErrorFieldMap } from "@/lib/app-error";
import { useTRPC } from "@/lib/trpc";
import { isEmail } from "../onboarding/field-errors";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { CopyButton } from "../ui/copy-button";
import { inputClass } from "../ui/styles";
import { TextField } from "../ui/text-field";

/** Opus invites an institution: a draft is created and its first admin gets a link to the wizard. */
export function InviteInstitutionForm({ onClose }: { onClose: () => void }) {
  const t = useTranslations("institutions.invite");
  const common = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [legalName, setLegalName] = useState("");
  const [email, setEmail] = useState("");
  const [checked, setChecked] = useState(false);
  const create = useMutation(
    trpc.institutions.create.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries(trpc.institutions.pathFilter()),
          queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
        ]),
    }),
  );
  const server = create.isError ? appErrorFieldMap(create.error) : {};
  const nameError = checked && !legalName.trim() ? common("required") : null;
  const emailError = checked && !isEmail(email) ? t("invalidEmail") : server.adminEmail ? t("invalidEmail") : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    if (legalName.trim() && isEmail(email)) create.mutate({ legalName: legalName.trim(), adminEmail: email.trim() });
  }

  if (create.data) {
    const created = create.data;
    return (
      <div role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900">
        <p className="font-medium">{t("created", { name: created.legalName, email: create.variables?.adminEmail ?? email })}</p>
        {/* Where e-mail is delivered the API returns no link: only the invited admin receives it. */}
        <p className="mt-0.5 text-emerald-800">{t(created.invitationLink === null ? "createdHelp" : "createdHelpOutbox")}</p>
        {created.invitationLink !== null ? (
          <div className="mt-2 flex flex-wrap gap-2">
            <input
              readOnly
              aria-label={t("link")}
              value={created.invitationLink}
              onFocus={(e) => e.currentTarget.select()}
              className={`${inputClass} min-w-0 flex-1 font-mono text-xs`}
              data-testid="institution-invitation-link"
            />
            <CopyButton value={created.invitationLink} label={t("copyLink")} />
          </div>
        ) : null}
        <div className="mt-3 flex gap-3">
          <Link href={`/institutions/${created.id}`} className="font-medium text-emerald-900 underline">
            {t("openInstitution")}
          </Link>
          <button type="button" onClick={onClose} className="font-medium text-emerald-900 underline">
            {t("done")}
          </button>
        </div>
      </div>
    );
  }

  return (
    <Card title={t("title")} className="mb-4">
      <form onSubmit={submit} noValidate className="grid grid-cols-1 items-start gap-3 md:grid-cols-[1.5fr_1.5fr_auto]">
        <TextField
          label={t("legalName")}
          value={legalName}
          onChange={(e) => setLegalName(e.target.value)}
          error={nameError ?? (server.legalName ? common("required") : null)}
          maxLength={TEXT_LIMITS.name}
          autoFocus
        />
        <TextField
          label={t("adminEmail")}
          hint={t("adminEmailHint")}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={emailError}
          maxLength={TEXT_LIMITS.email}
          autoComplete="off"
        />
        <div className="flex gap-2 md:mt-6">
          <Button type="submit" variant="primary" pending={create.isPending}>
            {t("submit")}
          </Button>
          <Button onClick={onClose} disabled={create.isPending}>
            {common("cancel")}
          </Button>
        </div>
      </form>
      {create.isError && Object.keys(server).length === 0 ? (
        <Alert tone="error" className="mt-3">
          {errorMessage(create.error)}
        </Alert>
      ) : null}
    </Card>
  );
}
