"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { can } from "@/lib/permissions";
import { useTRPC } from "@/lib/trpc";
import { BillingSections } from "../billing/billing-sections";
import { useCurrentMe } from "../shell/me-context";
import { Alert } from "../ui/alert";
import { EmptyState } from "../ui/empty-state";
import { PageHeader } from "../ui/page-header";
import { PageLoading } from "../ui/page-loading";
import { QueryError } from "../ui/query-error";
import { SelectField } from "../ui/select-field";
import type { PriceSpec } from "./price-draft";
import { PriceVersionForm } from "./price-version-form";
import { PriceVersionsTable } from "./price-versions-table";

/** Opus billing: each plan's price versions, and a new version for a month ahead. */
export function PricesPage() {
  const t = useTranslations("planPrices");
  const trpc = useTRPC();
  const manage = can(useCurrentMe(), "billing.manage");
  const plans = useQuery(trpc.plans.find.queryOptions());
  const meters = useQuery(trpc.usage.meters.queryOptions());
  const [chosen, setChosen] = useState<string | null>(null);
  const planId = chosen ?? plans.data?.[0]?.id ?? null;
  const versions = useQuery({ ...trpc.billing.planPrices.queryOptions({ planId: planId ?? "" }), enabled: planId !== null });
  // The form starts from the version chosen with "Start from this", else the latest. It is reset
  // (a new key) only when the plan or that choice changes, not when a save refreshes the list, so
  // what was typed and the "saved" notice stay on screen.
  const [startFrom, setStartFrom] = useState<{ id: string; spec: PriceSpec } | null>(null);

  const failed = [plans, meters, versions].find((query) => query.isError);
  if (failed?.error) return <QueryError error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!plans.data || !meters.data) return <PageLoading />;
  const plan = plans.data.find((p) => p.id === planId);
  const live = meters.data.filter((m) => !m.retiredAt);
  const meterNames = Object.fromEntries(meters.data.map((m) => [m.code, m.name]));
  const base = startFrom ?? (versions.data?.[0] ? { id: versions.data[0].id, spec: versions.data[0].spec } : null);

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <BillingSections />
      {!plan ? (
        <EmptyState title={t("noPlans")} />
      ) : (
        <>
          <SelectField
            label={t("plan")}
            value={plan.id}
            onChange={(e) => {
              setChosen(e.target.value);
              setStartFrom(null);
            }}
            options={plans.data.map((p) => ({ value: p.id, label: p.name }))}
            className="max-w-xs"
          />
          <PriceVersionsTable
            planName={plan.name}
            versions={versions.data}
            meterNames={meterNames}
            onStartFrom={manage ? (v) => setStartFrom({ id: v.id, spec: v.spec }) : undefined}
          />
          {!manage ? (
            <Alert tone="info">{t("form.readOnly")}</Alert>
          ) : versions.data ? (
            <PriceVersionForm
              key={`${plan.id}:${startFrom?.id ?? "latest"}`}
              planId={plan.id}
              meters={live}
              from={base?.spec ?? null}
              versionMonths={versions.data.map((v) => v.effectiveMonth)}
            />
          ) : null}
        </>
      )}
    </div>
  );
}
