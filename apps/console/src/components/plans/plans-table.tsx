"use client";
import { useTranslations } from "next-intl";
import type { Plan } from "@/lib/router-types";
import { EmptyState } from "../ui/empty-state";
import { LoadingRows } from "../ui/loading-rows";
import { table } from "../ui/styles";
import { PlanRow } from "./plan-row";

export function PlansTable({ plans, onEdit }: { plans: Plan[] | undefined; onEdit: (plan: Plan) => void }) {
  const t = useTranslations("plans");
  if (plans && plans.length === 0) return <EmptyState title={t("empty")} />;
  return (
    <div className={table.wrapper}>
      <table className={table.table}>
        <caption className="sr-only">{t("title")}</caption>
        <thead>
          <tr>
            {(["name", "code", "size", "state"] as const).map((column) => (
              <th key={column} scope="col" className={table.th}>
                {t(`columns.${column}`)}
              </th>
            ))}
            <th scope="col" className={`${table.th} text-right`}>
              <span className="sr-only">{t("columns.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {plans ? (
            plans.map((plan) => <PlanRow key={plan.id} plan={plan} onEdit={() => onEdit(plan)} />)
          ) : (
            <LoadingRows columns={5} rows={3} />
          )}
        </tbody>
      </table>
    </div>
  );
}
