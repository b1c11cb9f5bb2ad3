"use client";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@/lib/router-types";
import { EmptyState } from "../ui/empty-state";
import { LoadingRows } from "../ui/loading-rows";
import { table } from "../ui/styles";
import { MemberRow } from "./member-row";

type Props = {
  institutionId: string;
  members: RouterOutputs["members"]["find"]["members"] | undefined;
  manage: boolean;
  currentUserId: string;
};

export function MembersTable({ institutionId, members, manage, currentUserId }: Props) {
  const t = useTranslations("members");
  if (members && members.length === 0) return <EmptyState title={t("empty")} />;
  return (
    <div className={table.wrapper}>
      <table className={table.table}>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {t("columns.name")}
            </th>
            <th scope="col" className={table.th}>
              {t("columns.email")}
            </th>
            <th scope="col" className={table.th}>
              {t("columns.role")}
            </th>
            <th scope="col" className={table.th}>
              {t("columns.joined")}
            </th>
            {manage ? (
              <th scope="col" className={`${table.th} text-right`}>
                <span className="sr-only">{t("columns.actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members ? (
            members.map((member) => (
              <MemberRow
                key={member.id}
                institutionId={institutionId}
                member={member}
                manage={manage}
                isSelf={member.user.id === currentUserId}
              />
            ))
          ) : (
            <LoadingRows columns={manage ? 5 : 4} rows={3} />
          )}
        </tbody>
      </table>
    </div>
  );
}
