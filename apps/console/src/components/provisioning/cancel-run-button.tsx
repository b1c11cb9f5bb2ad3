"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import type { ButtonVariant } from "../ui/styles";
import type { Operation } from "./provisioning-types";
import { RequestError } from "./request-error";
import { useProvisioningRefresh } from "./use-provisioning-refresh";

type Props = {
  institutionId: string;
  run: Pick<Operation, "id" | "kind" | "status" | "cancelRequestedAt">;
  /** The accessible name when the visible "Cancel" alone would be ambiguous (a row of a table). */
  label?: string;
  variant?: ButtonVariant;
};

/** Cancels a queued run at once, or asks the worker to stop a running one. */
export function CancelRunButton({ institutionId, run, label, variant = "dangerGhost" }: Props) {
  const t = useTranslations();
  const trpc = useTRPC();
  const refresh = useProvisioningRefresh(institutionId);
  const [open, setOpen] = useState(false);
  const cancel = useMutation(
    trpc.environments.cancel.mutationOptions({
      onSuccess: () => refresh(),
      onSettled: () => setOpen(false),
    }),
  );
  const requested = run.cancelRequestedAt !== null;
  const kind = t(`Provisioning.kind.${run.kind}`).toLowerCase();
  return (
    <>
      <Button
        variant={variant}
        aria-label={label}
        disabled={requested}
        pending={cancel.isPending}
        title={requested ? t("Provisioning.cancel.requested") : undefined}
        onClick={() => {
          cancel.reset();
          setOpen(true);
        }}
      >
        {t("Provisioning.cancel.button")}
      </Button>
      {cancel.error ? (
        <div className="mt-2 text-left">
          <RequestError error={cancel.error} />
        </div>
      ) : null}
      <ConfirmDialog
        open={open}
        title={t("Provisioning.cancel.title", { kind })}
        confirmLabel={t("Provisioning.cancel.confirm")}
        pending={cancel.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() => cancel.mutate({ institutionId, operationId: run.id })}
      >
        {t(run.status === "QUEUED" ? "Provisioning.cancel.queuedBody" : "Provisioning.cancel.runningBody")}
      </ConfirmDialog>
    </>
  );
}
