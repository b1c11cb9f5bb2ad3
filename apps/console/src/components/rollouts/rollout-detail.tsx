"use client";
import { canMoveRollout } from "@opus/rules/releases";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useErrorMessage } from "@/hooks/use-error-message";
import { can } from "@/lib/permissions";
import { useTRPC } from "@/lib/trpc";
import { useCurrentMe } from "../shell/me-context";
import { Alert } from "../ui/alert";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { DataTable } from "../ui/data-table";
import { PageHeader } from "../ui/page-header";
import { QueryError } from "../ui/query-error";
import { table } from "../ui/styles";

// The page lists the first targets only: a rollout over the fleet has thousands.
const TARGETS_SHOWN = 200;

/** The plan approvers approve (by its hash), the gates, and live progress against the plan. */
export function RolloutDetail({ rolloutId }: { rolloutId: string }) {
  const t = useTranslations("rollouts");
  const format = useFormatter();
  // The console's one date format, in the person's language (São Paulo time, as everywhere).
  const when = (iso: string | Date | null) => (iso ? format.dateTime(new Date(iso), "dateTime") : "—");
  const trpc = useTRPC();
  const me = useCurrentMe();
  const manage = can(me, "releases.manage");
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  // Live: the orchestrator moves on its own, so the page looks again every few seconds.
  const rollout = useQuery({ ...trpc.rollouts.get.queryOptions({ rolloutId }), refetchInterval: 3000 });
  const done = { onSuccess: async () => queryClient.invalidateQueries(trpc.rollouts.pathFilter()) };
  const start = useMutation(trpc.rollouts.start.mutationOptions(done));
  const approve = useMutation(trpc.rollouts.approveWave.mutationOptions(done));
  const pause = useMutation(trpc.rollouts.pause.mutationOptions(done));
  const resume = useMutation(trpc.rollouts.resume.mutationOptions(done));
  const abort = useMutation(trpc.rollouts.abort.mutationOptions(done));
  if (rollout.isError) return <QueryError error={rollout.error} onRetry={() => void rollout.refetch()} />;
  const r = rollout.data;
  if (!r) return null;
  const failed = start.error ?? approve.error ?? pause.error ?? resume.error ?? abort.error;
  const upgraded = r.targets.filter((x) => x.status === "UPGRADED").length;
  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <PageHeader
        title={r.name}
        description={t("header", { version: r.releaseVersion, status: t(`status.${r.status}`), upgraded, total: r.targets.length })}
        actions={
          manage ? (
            <>
              {canMoveRollout("start", r.status) ? (
                <Button variant="primary" pending={start.isPending} onClick={() => start.mutate({ rolloutId, planHash: r.planHash })}>
                  {t("start")}
                </Button>
              ) : null}
              {canMoveRollout("pause", r.status) ? <Button onClick={() => pause.mutate({ rolloutId })}>{t("pause")}</Button> : null}
              {canMoveRollout("resume", r.status) ? <Button onClick={() => resume.mutate({ rolloutId })}>{t("resume")}</Button> : null}
              {canMoveRollout("abort", r.status) ? (
                <Button variant="dangerGhost" onClick={() => abort.mutate({ rolloutId })}>
                  {t("abort")}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      {failed ? <Alert tone="error">{errorMessage(failed)}</Alert> : null}
      {r.emergencyHalt ? <Alert tone="warning">{t("emergencyHalt", { reason: r.emergencyHalt.reason ?? "" })}</Alert> : null}
      {r.haltReason ? <Alert tone="warning">{r.haltReason}</Alert> : null}
      <p className="font-mono text-xs text-slate-500" data-testid="plan-hash">
        {t("planHash", { hash: r.planHash })}
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        {r.waves.map((w) => {
          const planned = r.plan.waves?.[w.position];
          const progress = Object.entries(w.counts)
            .map(([status, n]) => `${t(`target.${status as "WAITING"}`)}: ${n}`)
            .join(" · ");
          return (
            <Card key={w.id} title={t("waveTitle", { position: w.position + 1, name: w.name })}>
              <div className="space-y-2 text-sm" data-testid={`wave-${w.position}`}>
                <div className="flex flex-wrap gap-2">
                  <Badge tone={w.status === "SUCCEEDED" ? "success" : w.status === "HALTED" ? "danger" : "progress"}>
                    {t(`wave.${w.status}`)}
                  </Badge>
                  {w.fourEyes ? <Badge tone="warning">{t("fourEyes")}</Badge> : null}
                  {w.healthGate ? (
                    <Badge tone="neutral">{w.rollbackOnBreach ? t("healthGateRollback") : t("healthGateBadge")}</Badge>
                  ) : null}
                  {w.approvedAt ? <Badge tone="success">{t("approved")}</Badge> : null}
                </div>
                <p>{t("waveFacts", { size: w.size, concurrency: w.maxConcurrency, soak: w.soakMinutes, threshold: w.failureThreshold })}</p>
                {planned ? (
                  <p className="text-slate-600">{t("waveExpected", { start: when(planned.startsAt), end: when(planned.upgradesEndAt) })}</p>
                ) : null}
                {planned ? (
                  <p className="text-slate-600">
                    {t("matrixAfter", {
                      matrix: Object.entries(planned.matrixAfter)
                        .map(([v, n]) => `${v}: ${n}`)
                        .join(", "),
                    })}
                  </p>
                ) : null}
                <p className="font-medium text-slate-800" data-testid={`wave-${w.position}-progress`}>
                  {progress}
                </p>
                {manage && w.requiresApproval && !w.approvedAt && (w.status === "PENDING" || w.status === "AWAITING_APPROVAL") ? (
                  // Four eyes: who planned or started the rollout waits for another admin (the API refuses them too).
                  w.fourEyes && (me.id === r.createdById || me.id === r.startedById) ? (
                    <p className="text-amber-800" data-testid={`wave-${w.position}-waiting-for-other`}>
                      {t("waitingForOther")}
                    </p>
                  ) : (
                    <Button
                      variant="primary"
                      pending={approve.isPending}
                      onClick={() => approve.mutate({ rolloutId, position: w.position, planHash: r.planHash })}
                    >
                      {t("approveWave")}
                    </Button>
                  )
                ) : null}
              </div>
            </Card>
          );
        })}
      </div>
      <Card title={t("environments")}>
        <DataTable
          caption={t("environments")}
          frame="inset"
          columns={(["environment", "wave", "expected", "status", "why"] as const).map((c) => ({ key: c, label: t(`columns.${c}`) }))}
          rows={r.targets.slice(0, TARGETS_SHOWN)}
          empty={<p className="text-sm text-slate-500">{t("noTargets")}</p>}
          renderRow={(x) => {
            const wave = r.waves.find((w) => w.id === x.waveId);
            return (
              <tr key={x.id} className={table.row}>
                <td className={table.td}>{x.label}</td>
                <td className={`${table.td} tabular-nums`}>{wave ? wave.position + 1 : "—"}</td>
                <td className={table.td}>{when(x.expectedAt)}</td>
                <td className={table.td}>{t(`target.${x.status}`)}</td>
                <td className={`${table.td} text-slate-600`}>{x.error ?? x.reason ?? ""}</td>
              </tr>
            );
          }}
        />
        {r.targets.length > TARGETS_SHOWN ? (
          <p className="mt-2 text-xs text-slate-500">{t("targetsShown", { shown: TARGETS_SHOWN, total: r.targets.length })}</p>
        ) : null}
      </Card>
    </div>
  );
}
