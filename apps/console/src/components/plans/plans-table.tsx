"use client";
import { useTranslations } from "next-intl";
import type { Plan } from "@/lib/router-types";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { PlanRow } from "./plan-row";

const COLUMNS = ["name", "code", "size", "state"] as const;

export function PlansTable({ plans, onEdit }: { plans: Plan[] | undefined; onEdit: (plan: Plan) => void }) {
  const t = useTranslations("plans");
  return (
    <DataTable
      caption={t("title")}
      columns={[
        ...COLUMNS.map((column) => ({ key: column, label: t(`columns.${column}`) })),
        { key: "actions", label: t("columns.actions"), srOnly: true, align: "right" as const },
      ]}
      rows={plans}
      empty={<EmptyState title={t("empty")} />}
      renderRow={(plan) => <PlanRow key={plan.id} plan={plan} onEdit={() => onEdit(plan)} />}
    />
  );
}
