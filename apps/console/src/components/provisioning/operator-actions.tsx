"use client";
import { useNow, useTranslations } from "next-intl";
import { useId } from "react";
import type { InstitutionDetail } from "@/lib/router-types";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { DestroyAction } from "./destroy-action";
import { allows } from "./operation-availability";
import type { EnvironmentRow } from "./provisioning-types";
import { RequestError } from "./request-error";
import { useRequestOperation } from "./use-request-operation";

/** Opus operators' buttons for one environment: preview (then approve the deploy), drift check, destroy when offboarding. */
export function OperatorActions({ institution, environment }: { institution: InstitutionDetail; environment: EnvironmentRow }) {
  const t = useTranslations("Provisioning.actions");
  const preview = useRequestOperation(institution.id, environment.id, "preview");
  const driftCheck = useRequestOperation(institution.id, environment.id, "refresh");
  const now = useNow({ updateInterval: 60_000 });
  const deployed = environment.status !== "PENDING";
  const error = preview.error ?? driftCheck.error;
  const hintId = useId();
  return (
    <Card title={t("title")}>
      {environment.status === "DESTROYED" ? (
        <p className="text-sm text-slate-600">{t("destroyed")}</p>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-slate-600">{t("intro")}</p>
          {error ? <RequestError error={error} /> : null}
          <div className="flex flex-col gap-3">
            <Button
              variant="primary"
              pending={preview.isPending}
              disabled={!allows("PREVIEW", institution, environment, now)}
              onClick={() => {
                driftCheck.reset();
                preview.request();
              }}
            >
              {t("preview")}
            </Button>
            <div className="space-y-1">
              <Button
                className="w-full"
                pending={driftCheck.isPending}
                disabled={!allows("REFRESH", institution, environment, now)}
                aria-describedby={hintId}
                onClick={() => {
                  preview.reset();
                  driftCheck.request();
                }}
              >
                {t("refresh")}
              </Button>
              <p id={hintId} className="text-xs text-slate-500">
                {deployed ? t("refreshHint") : t("refreshNeedsDeploy")}
              </p>
            </div>
          </div>
          <DestroyAction institution={institution} environment={environment} />
        </div>
      )}
    </Card>
  );
}
