"use client";
import { useTranslations } from "next-intl";
import type { Certificate } from "@/lib/router-types";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { CertificateRow } from "./certificate-row";

type Props = { institutionId: string; certificates: Certificate[] | undefined; manage: boolean };

const COLUMNS = ["kind", "subject", "issuer", "serial", "validity", "state"] as const;

export function CertificatesTable({ institutionId, certificates, manage }: Props) {
  const t = useTranslations("certificates");
  return (
    <DataTable
      caption={t("title")}
      minWidth="lg"
      columns={[
        ...COLUMNS.map((column) => ({ key: column, label: t(`columns.${column}`) })),
        manage && { key: "actions", label: t("columns.actions"), srOnly: true, align: "right" as const },
      ]}
      rows={certificates}
      loadingRows={2}
      empty={<EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>}
      renderRow={(c) => <CertificateRow key={c.id} institutionId={institutionId} certificate={c} manage={manage} />}
    />
  );
}
