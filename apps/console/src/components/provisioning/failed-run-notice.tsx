"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/lib/trpc";
import { Spinner } from "../ui/spinner";
import { FailureDetail } from "./failure-detail";
import { runPath } from "./provisioning-paths";

/** A FAILED environment: why the failing run failed (see FailureDetail), and the way to its run. */
export function FailedRunNotice({ institutionId, operationId, operate }: { institutionId: string; operationId: string; operate: boolean }) {
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
      {run.data ? (
        <>
          {run.data.error ? <p className="text-sm text-red-900">{t("body")}</p> : null}
          <FailureDetail run={run.data} customerText={t("bodyCustomer")} className="text-sm text-red-900" />
        </>
      ) : run.isPending ? (
        <Spinner className="size-4 text-red-700" />
      ) : null}
      <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <Link href={runPath(institutionId, operationId)} className="font-medium text-red-900 underline hover:text-red-950">
          {t("openRun")}
        </Link>
        {operate ? <span className="text-red-800">{t("retryHint")}</span> : null}
      </p>
    </section>
  );
}
