"use client";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@/lib/router-types";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { MemberRow } from "./member-row";

type Props = {
  institutionId: string;
  members: RouterOutputs["members"]["find"]["members"] | undefined;
  manage: boolean;
  currentUserId: string;
};

const COLUMNS = ["name", "email", "role", "joined"] as const;

export function MembersTable({ institutionId, members, manage, currentUserId }: Props) {
  const t = useTranslations("members");
  return (
    <DataTable
      caption={t("title")}
      columns={[
        ...COLUMNS.map((column) => ({ key: column, label: t(`columns.${column}`) })),
        manage && { key: "actions", label: t("columns.actions"), srOnly: true, align: "right" as const },
      ]}
      rows={members}
      empty={<EmptyState title={t("empty")} />}
      renderRow={(member) => (
        <MemberRow
          key={member.id}
          institutionId={institutionId}
          member={member}
          manage={manage}
          isSelf={member.user.id === currentUserId}
        />
      )}
    />
  );
}
