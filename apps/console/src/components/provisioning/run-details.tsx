"use client";
import { attemptCount } from "@opus/rules/environment-operations";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { Card } from "../ui/card";
import { DetailList } from "../ui/detail-list";
import { OperationStatusBadge } from "./operation-status-badge";
import { isActive, type Operation } from "./provisioning-types";
import { useFormatDuration } from "./use-format-duration";
import { useRequesterLabel } from "./use-requester-label";

/** Who asked, when it ran, how long it took, and which attempt it is on. */
export function RunDetails({ run, environmentKind }: { run: Operation; environmentKind: string | null }) {
  const t = useTranslations("Provisioning.run");
  const format = useFormatter();
  const now = useNow({ updateInterval: 1_000 });
  const duration = useFormatDuration();
  const requester = useRequesterLabel();
  // To the second: runs take seconds to minutes. (Time zone: the console's, America/Sao_Paulo.)
  const date = (value: Date) => format.dateTime(value, "seconds");
  const { attempt, max } = attemptCount(run);
  const waiting = run.status === "QUEUED" && run.runAfter > now;
  const elapsed = run.startedAt && isActive(run.status) ? now.getTime() - run.startedAt.getTime() : null;
  return (
    <Card title={t("details")}>
      <DetailList
        items={[
          { label: t("status"), value: <OperationStatusBadge status={run.status} /> },
          ...(environmentKind ? [{ label: t("environment"), value: environmentKind }] : []),
          { label: t("requestedBy"), value: requester(run.requestedBy) },
          { label: t("requestedAt"), value: date(run.createdAt) },
          { label: t("startedAt"), value: run.startedAt ? date(run.startedAt) : t("notStarted") },
          ...(run.finishedAt ? [{ label: t("finishedAt"), value: date(run.finishedAt) }] : []),
          {
            label: t("duration"),
            value:
              run.durationMs !== null
                ? duration(run.durationMs)
                : elapsed !== null
                  ? `${duration(Math.max(0, elapsed))}…`
                  : t("inProgress"),
          },
          {
            label: t("attempt"),
            value: (
              <span data-testid="run-attempt">{max === null ? t("attemptEnded", { attempt }) : t("attemptValue", { attempt, max })}</span>
            ),
          },
          ...(waiting ? [{ label: run.attempt > 0 ? t("nextAttempt") : t("startsAfter"), value: date(run.runAfter) }] : []),
        ]}
      />
    </Card>
  );
}
