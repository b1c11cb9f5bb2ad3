"use client";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@/lib/router-types";
import { table } from "../ui/styles";
import { InvitationRow } from "./invitation-row";

type Props = { institutionId: string; invitations: RouterOutputs["members"]["find"]["invitations"]; manage: boolean };

export function InvitationsTable({ institutionId, invitations, manage }: Props) {
  const t = useTranslations("members.invitations");
  if (invitations.length === 0)
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-500">{t("empty")}</p>;
  return (
    <div className={table.wrapper}>
      <table className={table.table}>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {t("columns.email")}
            </th>
            <th scope="col" className={table.th}>
              {t("columns.role")}
            </th>
            <th scope="col" className={table.th}>
              {t("columns.invited")}
            </th>
            <th scope="col" className={table.th}>
              {t("columns.expires")}
            </th>
            {manage ? (
              <th scope="col" className={`${table.th} text-right`}>
                <span className="sr-only">{t("columns.actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {invitations.map((invitation) => (
            <InvitationRow key={invitation.id} institutionId={institutionId} invitation={invitation} manage={manage} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
