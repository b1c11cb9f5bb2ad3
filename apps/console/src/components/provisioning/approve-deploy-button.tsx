"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { appErrorReason } from "@/lib/app-error";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { runPath } from "./provisioning-paths";
import { RequestError } from "./request-error";
import { useProvisioningRefresh } from "./use-provisioning-refresh";
import { useRequestOperation } from "./use-request-operation";

/** Refusals that mean the reviewed preview no longer shows what a deploy would do. */
const OUTDATED = ["PREVIEW_OUTDATED", "PREVIEW_NOT_SUCCEEDED"];

/**
 * The operator's approval of a reviewed preview: queues a deploy of exactly what that preview ran
 * with (the API refuses once anything changed since) and opens its run.
 */
export function ApproveDeployButton({
  institutionId,
  environmentId,
  previewId,
}: {
  institutionId: string;
  environmentId: string;
  previewId: string;
}) {
  const t = useTranslations("Provisioning.preview");
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = useProvisioningRefresh(institutionId);
  const deploy = useMutation(
    trpc.environments.deployPreview.mutationOptions({
      onSuccess: (result) => {
        void refresh();
        router.push(runPath(institutionId, result.operation.id));
      },
    }),
  );
  // The way out of an outdated preview: a new one of the tenant as it is now.
  const previewAgain = useRequestOperation(institutionId, environmentId, "preview");
  const hintId = useId();
  const reason = (appErrorReason(deploy.error) as { code?: string } | undefined)?.code;
  return (
    <div className="space-y-2">
      {deploy.error && reason && OUTDATED.includes(reason) ? (
        <Alert tone="error">
          <p className="font-medium">{t("outdated")}</p>
          <Button className="mt-2" pending={previewAgain.isPending} onClick={previewAgain.request}>
            {t("previewAgain")}
          </Button>
          {previewAgain.error ? <RequestError error={previewAgain.error} /> : null}
        </Alert>
      ) : deploy.error ? (
        <RequestError error={deploy.error} />
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="primary"
          pending={deploy.isPending || deploy.isSuccess}
          onClick={() => deploy.mutate({ institutionId, operationId: previewId })}
          aria-describedby={hintId}
        >
          {t("approve")}
        </Button>
        <p id={hintId} className="text-xs text-slate-500">
          {t("approveHint")}
        </p>
      </div>
    </div>
  );
}
