"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/lib/trpc";
import { Spinner } from "../ui/spinner";
import { EngineError } from "./engine-error";
import { runPath } from "./provisioning-paths";

/** A FAILED environment: the failing run's engine error, verbatim, and the way to its run. */
export function FailedRunNotice({ institutionId, operationId }: { institutionId: string; operationId: string }) {
  const t = useTranslations("Provisioning.failure");
  const trpc = useTRPC();
  const run = useQuery({ ...trpc.environments.getOperation.queryOptions({ institutionId, operationId }), staleTime: 0 });
  return (
    <section
      aria-labelledby="failed-run-heading"
      className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-4"
      data-testid="failed-run-notice"
    >
      <h2 id="failed-run-heading" className="text-sm font-semibold text-red-900">
        {t("title", { kind: run.data?.kind ?? "other" })}
      </h2>
      <p className="text-sm text-red-900">{t("body")}</p>
      {run.data?.error ? <EngineError text={run.data.error} /> : run.isPending ? <Spinner className="size-4 text-red-700" /> : null}
      <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <Link href={runPath(institutionId, operationId)} className="font-medium text-red-900 underline hover:text-red-950">
          {t("openRun")}
        </Link>
        <span className="text-red-800">{t("retryHint")}</span>
      </p>
    </section>
  );
}
