"use client";
import { useTranslations } from "next-intl";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import type { Run } from "./provisioning-types";
import { RunRow } from "./run-row";

type Props = { institutionId: string; runs: Run[] | undefined; operate: boolean };

const COLUMNS = ["kind", "status", "who", "when", "duration", "attempts"] as const;

/** An environment's runs, newest first: kind, status, who asked, when, how long, attempts. */
export function RunsTable({ institutionId, runs, operate }: Props) {
  const t = useTranslations("Provisioning.runs");
  return (
    <DataTable
      caption={t("title")}
      testId="runs-table"
      minWidth="lg"
      columns={[
        ...COLUMNS.map((column) => ({ key: column, label: t(column) })),
        operate && { key: "actions", label: t("actions"), srOnly: true, align: "right" as const },
      ]}
      rows={runs}
      empty={<EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>}
      renderRow={(run) => <RunRow key={run.id} institutionId={institutionId} run={run} operate={operate} />}
    />
  );
}
