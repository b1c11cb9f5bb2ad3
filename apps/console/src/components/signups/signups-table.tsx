"use client";
import { useTranslations } from "next-intl";
import type { Signup } from "@/lib/router-types";
import { EmptyState } from "../ui/empty-state";
import { LoadingRows } from "../ui/loading-rows";
import { table } from "../ui/styles";
import { SignupRow } from "./signup-row";

type Props = { signups: Signup[] | undefined; status: Signup["status"] };

export function SignupsTable({ signups, status }: Props) {
  const t = useTranslations("signups");
  if (signups && signups.length === 0) return <EmptyState title={t(`empty.${status}`)} />;
  const columns = ["person", "institution", "cnpj", "requested", status === "PENDING" ? "decision" : "outcome"] as const;
  return (
    <div className={table.wrapper}>
      <table className={table.table}>
        <caption className="sr-only">{t("title")}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className={`${table.th} ${column === "decision" ? "text-right" : ""}`}>
                {t(`columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {signups ? signups.map((signup) => <SignupRow key={signup.id} signup={signup} />) : <LoadingRows columns={5} rows={2} />}
        </tbody>
      </table>
    </div>
  );
}
