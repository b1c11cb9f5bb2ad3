"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { CancelRunButton } from "./cancel-run-button";
import { OperationStatusBadge } from "./operation-status-badge";
import { environmentPath } from "./provisioning-paths";
import { isActive, type Operation } from "./provisioning-types";

type Props = { institutionId: string; run: Operation; environmentKind: string | null; operate: boolean };

/** What the run is and where it stands, the way back to its environment, and Cancel while it has not ended. */
export function RunHeading({ institutionId, run, environmentKind, operate }: Props) {
  const t = useTranslations("Provisioning");
  const live = isActive(run.status);
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div className="space-y-1">
        <Link
          href={environmentPath(institutionId, run.environmentId)}
          className="text-sm text-slate-500 hover:text-slate-800 hover:underline"
        >
          <span aria-hidden="true">← </span>
          {environmentKind ? t("run.back", { kind: environmentKind }) : t("environment.back")}
        </Link>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h2 className="text-lg font-semibold tracking-tight text-slate-900">
            {t("run.title", { kind: t(`kind.${run.kind}`), stack: run.stackName })}
          </h2>
          <span data-testid="run-status">
            <OperationStatusBadge status={run.status} />
          </span>
          {live ? (
            <span className="flex items-center gap-1.5 text-xs text-brand-700">
              <span className="relative flex size-2" aria-hidden="true">
                <span className="absolute inline-flex size-full animate-ping rounded-full bg-brand-400 opacity-75" />
                <span className="relative inline-flex size-2 rounded-full bg-brand-600" />
              </span>
              {t("run.live")}
            </span>
          ) : null}
        </div>
      </div>
      {operate && live ? (
        <div className="flex flex-col items-end gap-1">
          <CancelRunButton institutionId={institutionId} run={run} variant="danger" />
          {run.cancelRequestedAt ? <p className="text-xs text-slate-600">{t("cancel.requested")}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
