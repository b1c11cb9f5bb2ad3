"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { can } from "@/lib/permissions";
import { useTRPC } from "@/lib/trpc";
import { useCurrentMe } from "../shell/me-context";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { PageHeader } from "../ui/page-header";
import { QueryError } from "../ui/query-error";
import { RolloutPlanForm } from "./rollout-plan-form";

export function RolloutsPage() {
  const t = useTranslations("rollouts");
  const trpc = useTRPC();
  const me = useCurrentMe();
  const rollouts = useQuery(trpc.rollouts.find.queryOptions());
  const releases = useQuery(trpc.releases.find.queryOptions());
  const available = releases.data?.filter((r) => r.status === "AVAILABLE") ?? [];
  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {can(me, "releases.manage") ? (
        <Card title={t("planTitle")}>
          <RolloutPlanForm releases={available} />
        </Card>
      ) : null}
      {rollouts.isError ? (
        <QueryError error={rollouts.error} onRetry={() => void rollouts.refetch()} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {rollouts.data?.map((r) => (
            <li key={r.id} className="flex items-center gap-3 px-4 py-3">
              <Link href={`/rollouts/${r.id}`} className="font-medium text-brand-700 hover:underline">
                {r.name}
              </Link>
              <span className="text-sm text-slate-600">{r.releaseVersion}</span>
              <Badge tone="neutral">{t(`status.${r.status}`)}</Badge>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
