"use client";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useState } from "react";
import type { InstitutionDetail } from "@/lib/router-types";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { destroyState } from "./operation-availability";
import type { EnvironmentRow } from "./provisioning-types";
import { RequestError } from "./request-error";
import { useRequestOperation } from "./use-request-operation";

/** Offered only while the institution is offboarding: the API refuses destruction at any other time. */
export function DestroyAction({ institution, environment }: { institution: InstitutionDetail; environment: EnvironmentRow }) {
  const t = useTranslations();
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const [open, setOpen] = useState(false);
  const destroy = useRequestOperation(institution.id, environment.id, "destroy");
  const state = destroyState(institution, environment, now);
  if (state === "hidden") return null;
  const kind = t(`enums.environmentKind.${environment.kind}`);
  return (
    <div className="space-y-2 border-t border-slate-100 pt-4">
      {state === "waiting" && institution.retentionUntil ? (
        <p className="text-sm text-slate-600">
          {t("Provisioning.actions.destroyAfterRetention", { date: format.dateTime(institution.retentionUntil, "dateTime") })}
        </p>
      ) : (
        <>
          {destroy.error && !open ? <RequestError error={destroy.error} /> : null}
          <Button variant="danger" className="w-full" onClick={() => setOpen(true)}>
            {t("Provisioning.actions.destroy")}
          </Button>
          <ConfirmDialog
            open={open}
            title={t("Provisioning.actions.destroyTitle", { kind })}
            confirmLabel={t("Provisioning.actions.destroy")}
            pending={destroy.isPending}
            onCancel={() => setOpen(false)}
            onConfirm={() => {
              destroy.request();
              setOpen(false);
            }}
          >
            {t("Provisioning.actions.destroyBody", { stack: environment.stackName })}
          </ConfirmDialog>
        </>
      )}
    </div>
  );
}
