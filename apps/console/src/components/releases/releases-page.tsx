"use client";
import { canMoveRelease } from "@opus/rules/releases";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import { can } from "@/lib/permissions";
import { useTRPC } from "@/lib/trpc";
import { useCurrentMe } from "../shell/me-context";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { PageHeader } from "../ui/page-header";
import { QueryError } from "../ui/query-error";
import { ReasonDialog } from "../ui/reason-dialog";
import { NewReleaseForm } from "./new-release-form";
import { ReleaseNotes } from "./release-notes";
import { ReleaseStatusBadge } from "./release-status-badge";

/** Opus staff: the release registry. Admins register, publish, deprecate and withdraw. */
export function ReleasesPage() {
  const t = useTranslations("releases");
  const trpc = useTRPC();
  const me = useCurrentMe();
  const manage = can(me, "releases.manage");
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const releases = useQuery(trpc.releases.find.queryOptions());
  const [withdrawing, setWithdrawing] = useState<{ id: string; version: string } | null>(null);
  const done = { onSuccess: async () => queryClient.invalidateQueries(trpc.releases.pathFilter()) };
  const publish = useMutation(trpc.releases.publish.mutationOptions(done));
  const deprecate = useMutation(trpc.releases.deprecate.mutationOptions(done));
  const withdraw = useMutation(
    trpc.releases.withdraw.mutationOptions({
      onSuccess: async () => {
        setWithdrawing(null);
        await done.onSuccess();
      },
    }),
  );
  const failed = publish.error ?? deprecate.error;
  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {manage ? <NewReleaseForm /> : null}
      {failed ? <Alert tone="error">{errorMessage(failed)}</Alert> : null}
      {releases.isError ? (
        <QueryError error={releases.error} onRetry={() => void releases.refetch()} />
      ) : (
        <ul className="space-y-3">
          {releases.data?.map((r) => (
            <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`release-${r.version}`}>
              <div className="flex flex-wrap items-center gap-3">
                <h2 className="text-base font-semibold text-slate-900">{r.version}</h2>
                <ReleaseStatusBadge status={r.status} />
                <span className="text-sm text-slate-600">
                  {t("summary", {
                    channel: t(`form.channels.${r.channel}`),
                    min: r.kubernetesMin,
                    max: r.kubernetesMax,
                    modules: (r.modules as unknown[]).length,
                  })}
                </span>
                {manage ? (
                  <span className="ml-auto flex gap-2">
                    {canMoveRelease("publish", r.status) ? (
                      <Button variant="primary" pending={publish.isPending} onClick={() => publish.mutate({ releaseId: r.id })}>
                        {t("publish")}
                      </Button>
                    ) : null}
                    {canMoveRelease("deprecate", r.status) ? (
                      <Button pending={deprecate.isPending} onClick={() => deprecate.mutate({ releaseId: r.id })}>
                        {t("deprecate")}
                      </Button>
                    ) : null}
                    {canMoveRelease("withdraw", r.status) ? (
                      <Button variant="dangerGhost" onClick={() => setWithdrawing({ id: r.id, version: r.version })}>
                        {t("withdraw")}
                      </Button>
                    ) : null}
                  </span>
                ) : null}
              </div>
              {r.withdrawReason ? <p className="mt-1 text-sm text-red-700">{t("withdrawnBecause", { reason: r.withdrawReason })}</p> : null}
              {r.notes ? (
                <div className="mt-2">
                  <ReleaseNotes markdown={r.notes} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ReasonDialog
        open={withdrawing !== null}
        title={t("withdrawTitle", { version: withdrawing?.version ?? "" })}
        label={t("withdrawReason")}
        required
        confirmLabel={t("withdraw")}
        variant="danger"
        pending={withdraw.isPending}
        error={withdraw.isError ? errorMessage(withdraw.error) : null}
        onConfirm={(reason) => withdrawing && withdraw.mutate({ releaseId: withdrawing.id, reason })}
        onCancel={() => setWithdrawing(null)}
      />
    </div>
  );
}
