"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useErrorMessage } from "@/hooks/use-error-message";
import type { RouterOutputs } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { Button } from "../ui/button";
import { table } from "../ui/styles";

type Invitation = RouterOutputs["members"]["find"]["invitations"][number];

export function InvitationRow({ institutionId, invitation, manage }: { institutionId: string; invitation: Invitation; manage: boolean }) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const revoke = useMutation(
    trpc.members.revokeInvitation.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.members.find.queryKey({ institutionId }) }),
    }),
  );
  return (
    <>
      <tr className={table.row}>
        <td className={table.td}>{invitation.email}</td>
        <td className={table.td}>{t(`enums.institutionRole.${invitation.role}`)}</td>
        <td className={`${table.td} whitespace-nowrap`}>{format.dateTime(invitation.createdAt, "dateTime")}</td>
        <td className={`${table.td} whitespace-nowrap`}>{format.dateTime(invitation.expiresAt, "dateTime")}</td>
        {manage ? (
          <td className={`${table.td} text-right`}>
            <Button
              variant="ghost"
              pending={revoke.isPending}
              aria-label={t("members.invitations.revokeNamed", { email: invitation.email })}
              onClick={() => revoke.mutate({ institutionId, invitationId: invitation.id })}
            >
              {t("members.invitations.revoke")}
            </Button>
          </td>
        ) : null}
      </tr>
      {revoke.isError ? (
        <tr>
          <td colSpan={5} className="bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
            {errorMessage(revoke.error)}
          </td>
        </tr>
      ) : null}
    </>
  );
}
