"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import { can } from "@/lib/permissions";
import type { RouterOutputs } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { useCurrentMe } from "../shell/me-context";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { CheckboxField } from "../ui/checkbox-field";
import { EmptyState } from "../ui/empty-state";
import { PageLoading } from "../ui/page-loading";
import { QueryError } from "../ui/query-error";
import { TextField } from "../ui/text-field";
import { StageRow } from "./stage-row";

type Roadmap = Extract<RouterOutputs["goLive"]["get"], { opened: true }>;

/** The go-live roadmap tab: stages, evidence, what production and go-live still wait for. */
export function GoLivePage({ institutionId }: { institutionId: string }) {
  const t = useTranslations("goLive");
  const trpc = useTRPC();
  const me = useCurrentMe();
  const roadmap = useQuery(trpc.goLive.get.queryOptions({ institutionId }));
  if (roadmap.isError) return <QueryError error={roadmap.error} onRetry={() => void roadmap.refetch()} />;
  if (!roadmap.data) return <PageLoading />;
  if (!roadmap.data.opened) {
    return (
      <div className="space-y-4">
        <EmptyState title={t("notOpened")}>{t("notOpenedHint")}</EmptyState>
        {can(me, "go-live.manage", institutionId) ? <OpenPlanForm institutionId={institutionId} /> : null}
      </div>
    );
  }
  return <Opened institutionId={institutionId} roadmap={roadmap.data} />;
}

function useRefresh(institutionId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.goLive.get.queryKey({ institutionId }) });
}

function OpenPlanForm({ institutionId }: { institutionId: string }) {
  const t = useTranslations("goLive");
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const refresh = useRefresh(institutionId);
  const [email, setEmail] = useState("");
  const [migration, setMigration] = useState(false);
  const open = useMutation(trpc.goLive.open.mutationOptions({ onSuccess: refresh }));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    open.mutate({ institutionId, deliveryManagerEmail: email.trim(), migrationRequired: migration });
  }
  return (
    <Card title={t("openTitle")}>
      <form onSubmit={submit} className="grid max-w-xl gap-3">
        <TextField
          label={t("deliveryManager")}
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          hint={t("deliveryManagerHint")}
        />
        <CheckboxField label={t("migrationRequired")} checked={migration} onChange={(e) => setMigration(e.target.checked)} />
        {open.isError ? <Alert tone="error">{errorMessage(open.error, { BAD_INPUT: t("deliveryManagerRefused") })}</Alert> : null}
        <div>
          <Button type="submit" variant="primary" pending={open.isPending}>
            {t("open")}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function Opened({ institutionId, roadmap }: { institutionId: string; roadmap: Roadmap }) {
  const t = useTranslations("goLive");
  const format = useFormatter();
  const me = useCurrentMe();
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const refresh = useRefresh(institutionId);
  const manage = can(me, "go-live.manage", institutionId);
  const govern = can(me, "institution.govern", institutionId);
  const declare = useMutation(trpc.goLive.declare.mutationOptions({ onSuccess: refresh }));
  const [reason, setReason] = useState("");
  const override = useMutation(trpc.institutions.requestChange.mutationOptions({ onSuccess: () => setReason("") }));
  const live = roadmap.plan.goLiveAt;
  const names = (stages: readonly string[]) => stages.map((s) => t(`stages.${s as Roadmap["stages"][number]["stage"]}`)).join("; ");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-3 text-sm text-slate-700">
        <span>{t("deliveryManagerIs", { name: roadmap.deliveryManager?.name ?? "—", email: roadmap.deliveryManager?.email ?? "" })}</span>
        {live ? (
          <span className="font-medium text-emerald-800">{t("liveSince", { when: format.dateTime(new Date(live), "date") })}</span>
        ) : null}
      </div>
      {live && roadmap.plan.overrideReason ? (
        <Alert tone="warning">{t("overridden", { reason: roadmap.plan.overrideReason })}</Alert>
      ) : null}
      {!live ? (
        <div className="grid gap-2" data-testid="go-live-gates">
          <Alert tone={roadmap.missing.productionDeploy.length > 0 ? "warning" : "success"}>
            {roadmap.missing.productionDeploy.length > 0
              ? t("productionWaits", { stages: names(roadmap.missing.productionDeploy) })
              : t("productionReady")}
          </Alert>
          <Alert tone={roadmap.missing.goLive.length > 0 ? "warning" : "success"}>
            {roadmap.missing.goLive.length > 0 ? t("goLiveWaits", { stages: names(roadmap.missing.goLive) }) : t("goLiveReady")}
          </Alert>
        </div>
      ) : null}
      <Card title={t("stagesTitle")}>
        <ol className="-m-4 divide-y divide-slate-100">
          {roadmap.stages.map((stage) => (
            <StageRow key={stage.stage} institutionId={institutionId} stage={stage} live={Boolean(live)} onChanged={refresh} />
          ))}
        </ol>
      </Card>
      {!live && manage ? (
        <Card title={t("declareTitle")}>
          <div className="space-y-3">
            <Button
              variant="primary"
              disabled={roadmap.missing.goLive.length > 0}
              pending={declare.isPending}
              onClick={() => declare.mutate({ institutionId })}
            >
              {t("declare")}
            </Button>
            {declare.isError ? <Alert tone="error">{errorMessage(declare.error)}</Alert> : null}
            {govern && roadmap.missing.goLive.length > 0 ? (
              <form
                className="grid max-w-xl gap-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (reason.trim()) override.mutate({ institutionId, action: "GO_LIVE_OVERRIDE", reason: reason.trim() });
                }}
              >
                <TextField
                  label={t("overrideReason")}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  hint={t("overrideHint")}
                />
                <div>
                  <Button type="submit" pending={override.isPending}>
                    {t("requestOverride")}
                  </Button>
                </div>
                {override.isSuccess ? <Alert tone="success">{t("overrideRequested")}</Alert> : null}
                {override.isError ? <Alert tone="error">{errorMessage(override.error)}</Alert> : null}
              </form>
            ) : null}
          </div>
        </Card>
      ) : null}
    </div>
  );
}
