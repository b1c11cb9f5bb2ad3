"use client";
import { useTranslations } from "next-intl";
import type { Signup } from "@/lib/router-types";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { SignupRow } from "./signup-row";

type Props = { signups: Signup[] | undefined; status: Signup["status"] };

export function SignupsTable({ signups, status }: Props) {
  const t = useTranslations("signups");
  const columns = ["person", "institution", "cnpj", "requested", status === "PENDING" ? "decision" : "outcome"] as const;
  return (
    <DataTable
      caption={t("title")}
      minWidth="lg"
      columns={columns.map((column) => ({
        key: column,
        label: t(`columns.${column}`),
        ...(column === "decision" ? { align: "right" as const } : {}),
      }))}
      rows={signups}
      loadingRows={2}
      empty={<EmptyState title={t(`empty.${status}`)} />}
      renderRow={(signup) => <SignupRow key={signup.id} signup={signup} />}
    />
  );
}
