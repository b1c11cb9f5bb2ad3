"use client";
import { useTranslations } from "next-intl";
import { EmptyState } from "../ui/empty-state";
import { LoadingRows } from "../ui/loading-rows";
import { table } from "../ui/styles";
import type { Run } from "./provisioning-types";
import { RunRow } from "./run-row";

type Props = { institutionId: string; runs: Run[] | undefined; operate: boolean };

/** An environment's runs, newest first: kind, status, who asked, when, how long, attempts. */
export function RunsTable({ institutionId, runs, operate }: Props) {
  const t = useTranslations("Provisioning.runs");
  if (runs && runs.length === 0) return <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>;
  const columns = operate ? 7 : 6;
  return (
    <div className={table.wrapper}>
      <table className={table.table} data-testid="runs-table">
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {t("kind")}
            </th>
            <th scope="col" className={table.th}>
              {t("status")}
            </th>
            <th scope="col" className={table.th}>
              {t("who")}
            </th>
            <th scope="col" className={table.th}>
              {t("when")}
            </th>
            <th scope="col" className={table.th}>
              {t("duration")}
            </th>
            <th scope="col" className={table.th}>
              {t("attempts")}
            </th>
            {operate ? (
              <th scope="col" className={`${table.th} text-right`}>
                <span className="sr-only">{t("actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs ? (
            runs.map((run) => <RunRow key={run.id} institutionId={institutionId} run={run} operate={operate} />)
          ) : (
            <LoadingRows columns={columns} rows={3} />
          )}
        </tbody>
      </table>
    </div>
  );
}
