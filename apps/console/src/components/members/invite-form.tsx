"use client";
import { INSTITUTION_ROLES } from "@opus/rules/enums";
import { TEXT_LIMITS } from "@opus/rules/text-limits";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import { appErrorCode, appErrorFields } from "@/lib/app-error";
import type { InstitutionRole } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { SelectField } from "../ui/select-field";
import { TextField } from "../ui/text-field";
import { InvitationLinkPanel } from "./invitation-link-panel";

export function InviteForm({ institutionId }: { institutionId: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<InstitutionRole>("VIEWER");
  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: async () => {
        setEmail("");
        await queryClient.invalidateQueries({ queryKey: trpc.members.find.queryKey({ institutionId }) });
      },
    }),
  );
  const emailRejected = invite.isError && (appErrorCode(invite.error) === "CONFLICT" || appErrorFields(invite.error).includes("email"));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    invite.mutate({ institutionId, email: email.trim(), role });
  }

  return (
    <Card title={t("members.invite.title")}>
      <form onSubmit={submit} className="grid grid-cols-1 items-start gap-3 sm:grid-cols-[2fr_1fr_auto]">
        <TextField
          label={t("members.invite.email")}
          type="email"
          required
          maxLength={TEXT_LIMITS.email}
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={
            emailRejected
              ? errorMessage(invite.error, { CONFLICT: t("members.errors.alreadyMember"), BAD_INPUT: t("members.errors.invalidEmail") })
              : null
          }
        />
        <SelectField
          label={t("members.invite.role")}
          value={role}
          onChange={(e) => setRole(e.target.value === "ADMIN" ? "ADMIN" : "VIEWER")}
          options={INSTITUTION_ROLES.map((r) => ({ value: r, label: t(`enums.institutionRole.${r}`) }))}
        />
        <Button type="submit" variant="primary" pending={invite.isPending} className="sm:mt-6">
          {t("members.invite.submit")}
        </Button>
      </form>
      <p className="mt-2 text-xs text-slate-500">{t("members.invite.roleHelp")}</p>
      {invite.isError && !emailRejected ? (
        <Alert tone="error" className="mt-3">
          {errorMessage(invite.error)}
        </Alert>
      ) : null}
      {invite.data ? <InvitationLinkPanel invitation={invite.data} onDismiss={() => invite.reset()} /> : null}
    </Card>
  );
}
