"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Plan } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { PageHeader } from "../ui/page-header";
import { QueryError } from "../ui/query-error";
import { PlanForm } from "./plan-form";
import { PlansTable } from "./plans-table";

/** Opus admins: the plans customers choose in the wizard (retired ones stay on existing institutions). */
export function PlansPage() {
  const t = useTranslations("plans");
  const trpc = useTRPC();
  const plans = useQuery(trpc.plans.find.queryOptions());
  const [editing, setEditing] = useState<Plan | null>(null);
  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <PlanForm key={editing?.id ?? "new"} plan={editing} onDone={() => setEditing(null)} />
      {plans.isError ? (
        <QueryError error={plans.error} onRetry={() => void plans.refetch()} />
      ) : (
        <PlansTable plans={plans.data} onEdit={setEditing} />
      )}
    </div>
  );
}
