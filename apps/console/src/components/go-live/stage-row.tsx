"use client";
import { GO_LIVE_STAGE_STATES } from "@opus/rules/go-live-readiness";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import { oneOf } from "@/lib/options";
import { can } from "@/lib/permissions";
import type { RouterOutputs } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { useCurrentMe } from "../shell/me-context";
import { Alert } from "../ui/alert";
import { Badge, type BadgeTone } from "../ui/badge";
import { Button } from "../ui/button";
import { SelectField } from "../ui/select-field";
import { TextField } from "../ui/text-field";
import { EvidenceFileLink, EvidenceUpload } from "./evidence-file";

type Stage = Extract<RouterOutputs["goLive"]["get"], { opened: true }>["stages"][number];
const TONES: Record<Stage["state"], BadgeTone> = { NOT_STARTED: "neutral", IN_PROGRESS: "progress", DONE: "success" };

/** One stage: its state (derived or set by Opus), owner, due date, evidence; the controls each person may use. */
export function StageRow({
  institutionId,
  stage,
  live,
  onChanged,
}: {
  institutionId: string;
  stage: Stage;
  live: boolean;
  onChanged: () => void;
}) {
  const t = useTranslations("goLive");
  const trpc = useTRPC();
  const me = useCurrentMe();
  const errorMessage = useErrorMessage();
  const [label, setLabel] = useState("");
  const [url, setUrl] = useState("");
  const update = useMutation(trpc.goLive.updateStage.mutationOptions({ onSuccess: onChanged }));
  const addEvidence = useMutation(
    trpc.goLive.addEvidence.mutationOptions({
      onSuccess: () => {
        setLabel("");
        setUrl("");
        onChanged();
      },
    }),
  );
  const settable = !stage.derived && stage.stage !== "GO_LIVE" && !live && can(me, "go-live.manage", institutionId);
  const attach = !live && can(me, "go-live.evidence", institutionId);
  return (
    <li className={`space-y-2 px-4 py-3 ${stage.applies ? "" : "opacity-60"}`} data-stage={stage.stage}>
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-medium text-slate-900">{t(`stages.${stage.stage}`)}</span>
        {stage.applies ? (
          <Badge tone={TONES[stage.state]}>{t(`states.${stage.state}`)}</Badge>
        ) : (
          <Badge tone="muted">{t("notApplicable")}</Badge>
        )}
        {stage.derived ? <span className="text-xs text-slate-500">{t("derived")}</span> : null}
        {stage.ownerName ? <span className="text-xs text-slate-600">{t("owner", { name: stage.ownerName })}</span> : null}
        {stage.dueOn ? <span className="text-xs text-slate-600">{t("due", { day: stage.dueOn })}</span> : null}
      </div>
      {stage.evidence.length > 0 ? (
        <ul className="ml-4 list-disc text-sm">
          {stage.evidence.map((e) => (
            <li key={e.id}>
              {e.url ? (
                <a href={e.url} target="_blank" rel="noreferrer" className="text-brand-700 hover:underline">
                  {e.label}
                </a>
              ) : (
                <EvidenceFileLink institutionId={institutionId} evidenceId={e.id} label={e.label} file={e.file} />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {settable && stage.applies ? (
        <div className="max-w-xs">
          <SelectField
            label={t("stateLabel", { stage: t(`stages.${stage.stage}`) })}
            value={stage.state}
            disabled={update.isPending}
            onChange={(e) => {
              const state = oneOf(GO_LIVE_STAGE_STATES, e.target.value);
              if (state) update.mutate({ institutionId, stage: stage.stage, expectedState: stage.state, state });
            }}
            options={GO_LIVE_STAGE_STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))}
          />
        </div>
      ) : null}
      {update.isError ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
      {attach && stage.applies ? (
        <form
          className="grid gap-2 sm:grid-cols-[1fr_2fr_auto] sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            if (label.trim() && url.trim()) addEvidence.mutate({ institutionId, stage: stage.stage, label: label.trim(), url: url.trim() });
          }}
        >
          <TextField label={t("evidenceLabel")} value={label} onChange={(e) => setLabel(e.target.value)} />
          <TextField label={t("evidenceUrl")} type="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.target.value)} />
          <Button type="submit" pending={addEvidence.isPending}>
            {t("attach")}
          </Button>
        </form>
      ) : null}
      {addEvidence.isError ? <Alert tone="error">{errorMessage(addEvidence.error)}</Alert> : null}
      {attach && stage.applies ? <EvidenceUpload institutionId={institutionId} stage={stage.stage} onAdded={onChanged} /> : null}
    </li>
  );
}
