"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "../ui/button";
import { RequestError } from "./request-error";
import { useRequestOperation } from "./use-request-operation";

/** The operator's approval of a reviewed preview: queues the deploy and opens its run. */
export function ApproveDeployButton({ institutionId, environmentId }: { institutionId: string; environmentId: string }) {
  const t = useTranslations("Provisioning.preview");
  const deploy = useRequestOperation(institutionId, environmentId, "deploy");
  const hintId = useId();
  return (
    <div className="space-y-2">
      {deploy.error ? <RequestError error={deploy.error} /> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="primary" pending={deploy.isPending} onClick={deploy.request} aria-describedby={hintId}>
          {t("approve")}
        </Button>
        <p id={hintId} className="text-xs text-slate-500">
          {t("approveHint")}
        </p>
      </div>
    </div>
  );
}
