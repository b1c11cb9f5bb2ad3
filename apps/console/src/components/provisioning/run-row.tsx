"use client";
import { attemptCount } from "@opus/rules/environment-operations";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { table } from "../ui/styles";
import { CancelRunButton } from "./cancel-run-button";
import { OperationStatusBadge } from "./operation-status-badge";
import { runPath } from "./provisioning-paths";
import { isActive, type Run } from "./provisioning-types";
import { useFormatDuration } from "./use-format-duration";
import { useRequesterLabel } from "./use-requester-label";

type Props = { institutionId: string; run: Run; operate: boolean };

export function RunRow({ institutionId, run, operate }: Props) {
  const t = useTranslations("Provisioning");
  const format = useFormatter();
  const duration = useFormatDuration();
  const requester = useRequesterLabel();
  const when = format.dateTime(run.createdAt, "dateTime");
  const kind = t(`kind.${run.kind}`);
  const attempts = attemptCount(run);
  return (
    <tr className={table.row}>
      <td className={`${table.td} font-medium`}>
        <Link
          href={runPath(institutionId, run.id)}
          aria-label={t("runs.open", { kind: kind.toLowerCase(), date: when })}
          className="text-brand-700 underline-offset-2 hover:text-brand-900 hover:underline"
        >
          {kind}
        </Link>
      </td>
      <td className={table.td}>
        <OperationStatusBadge status={run.status} />
      </td>
      <td className={table.td}>{requester(run.requestedBy)}</td>
      <td className={`${table.td} whitespace-nowrap`}>{when}</td>
      <td className={`${table.td} whitespace-nowrap tabular-nums`}>
        {run.durationMs !== null ? duration(run.durationMs) : <span className="text-slate-500">—</span>}
      </td>
      <td className={`${table.td} whitespace-nowrap tabular-nums`}>
        {attempts.max === null
          ? t("runs.attemptsEnded", { attempt: attempts.attempt })
          : t("runs.attemptsValue", { attempt: attempts.attempt, max: attempts.max })}
      </td>
      {operate ? (
        <td className={`${table.td} text-right`}>
          {isActive(run.status) ? (
            <CancelRunButton institutionId={institutionId} run={run} label={t("cancel.named", { kind: kind.toLowerCase(), date: when })} />
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
