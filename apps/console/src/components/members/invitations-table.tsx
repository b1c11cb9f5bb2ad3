"use client";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@/lib/router-types";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { InvitationRow } from "./invitation-row";

type Props = { institutionId: string; invitations: RouterOutputs["members"]["find"]["invitations"]; manage: boolean };

const COLUMNS = ["email", "role", "invited", "expires"] as const;

export function InvitationsTable({ institutionId, invitations, manage }: Props) {
  const t = useTranslations("members.invitations");
  return (
    <DataTable
      caption={t("title")}
      columns={[
        ...COLUMNS.map((column) => ({ key: column, label: t(`columns.${column}`) })),
        manage && { key: "actions", label: t("columns.actions"), srOnly: true, align: "right" as const },
      ]}
      rows={invitations}
      empty={<EmptyState title={t("empty")} />}
      renderRow={(invitation) => (
        <InvitationRow key={invitation.id} institutionId={institutionId} invitation={invitation} manage={manage} />
      )}
    />
  );
}
