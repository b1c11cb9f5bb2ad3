"use client";
import { INSTITUTION_ROLES } from "@opus/rules/enums";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import type { RouterOutputs } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { inputClass, table } from "../ui/styles";

type Member = RouterOutputs["members"]["find"]["members"][number];
type Props = { institutionId: string; member: Member; manage: boolean; isSelf: boolean };

export function MemberRow({ institutionId, member, manage, isSelf }: Props) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [confirming, setConfirming] = useState(false);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.members.find.queryKey({ institutionId }) });
    // Changing one's own role changes what the console offers them.
    if (isSelf) await queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() });
  };
  const updateRole = useMutation(trpc.members.updateRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: refresh,
      onSettled: () => setConfirming(false),
    }),
  );
  const failure = updateRole.error ?? remove.error;
  const lastAdmin = { PRECONDITION_FAILED: t("members.errors.lastAdmin") };

  return (
    <>
      <tr className={table.row}>
        <td className={`${table.td} font-medium`}>
          {member.user.name}
          {isSelf ? (
            <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">{t("members.you")}</span>
          ) : null}
        </td>
        <td className={table.td}>{member.user.email}</td>
        <td className={table.td}>
          {manage ? (
            <select
              aria-label={t("members.roleFor", { name: member.user.name })}
              value={member.role}
              disabled={updateRole.isPending}
              onChange={(e) => {
                remove.reset();
                updateRole.mutate({ institutionId, membershipId: member.id, role: e.target.value === "ADMIN" ? "ADMIN" : "VIEWER" });
              }}
              className={`${inputClass} w-auto`}
            >
              {INSTITUTION_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`enums.institutionRole.${role}`)}
                </option>
              ))}
            </select>
          ) : (
            t(`enums.institutionRole.${member.role}`)
          )}
        </td>
        <td className={`${table.td} whitespace-nowrap`}>{format.dateTime(member.createdAt, "date")}</td>
        {manage ? (
          <td className={`${table.td} text-right`}>
            <Button
              variant="dangerGhost"
              aria-label={t("members.removeNamed", { name: member.user.name })}
              onClick={() => {
                updateRole.reset();
                setConfirming(true);
              }}
            >
              {t("members.remove")}
            </Button>
            <ConfirmDialog
              open={confirming}
              title={t("members.removeTitle", { name: member.user.name })}
              confirmLabel={t("members.remove")}
              pending={remove.isPending}
              onCancel={() => setConfirming(false)}
              onConfirm={() => remove.mutate({ institutionId, membershipId: member.id })}
            >
              {isSelf ? t("members.removeSelfBody") : t("members.removeBody", { name: member.user.name, email: member.user.email })}
            </ConfirmDialog>
          </td>
        ) : null}
      </tr>
      {failure ? (
        <tr>
          <td colSpan={5} className="bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
            {errorMessage(failure, lastAdmin)}
          </td>
        </tr>
      ) : null}
    </>
  );
}
