"use client";
import { DEPLOYMENT_MODES, INSTITUTION_STATUSES, REGULATORY_ROLES } from "@opus/rules/enums";
import { TEXT_LIMITS } from "@opus/rules/text-limits";
import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useState } from "react";
import { oneOf } from "@/lib/options";
import type { Plan } from "@/lib/router-types";
import { Button } from "../ui/button";
import { SelectField } from "../ui/select-field";
import { TextField } from "../ui/text-field";
import type { InstitutionQueryState } from "./use-institution-query";

type Props = {
  query: InstitutionQueryState;
  plans: readonly Plan[];
  onChange: (changes: Partial<InstitutionQueryState>) => void;
};

const SEARCH_DELAY_MS = 300;

export function InstitutionsFilters({ query, plans, onChange }: Props) {
  const t = useTranslations();
  const [search, setSearch] = useState(query.search ?? "");
  const applied = query.search ?? "";

  // Search as the person types, once they pause; the server does the matching.
  const applySearch = useEffectEvent((value: string) => onChange({ search: value || undefined }));
  useEffect(() => {
    if (search.trim() === applied) return;
    const timer = setTimeout(() => applySearch(search.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, applied]);

  const any = t("institutions.filters.any");
  const filtered = Boolean(query.search || query.status || query.mode || query.role || query.planId);
  return (
    <search className="mb-3 grid grid-cols-1 items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto]">
      <TextField
        label={t("institutions.filters.search")}
        placeholder={t("institutions.filters.searchPlaceholder")}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        maxLength={TEXT_LIMITS.search}
      />
      <SelectField
        label={t("institutions.filters.status")}
        value={query.status ?? ""}
        onChange={(e) => onChange({ status: oneOf(INSTITUTION_STATUSES, e.target.value) })}
        options={[{ value: "", label: any }, ...INSTITUTION_STATUSES.map((s) => ({ value: s, label: t(`enums.institutionStatus.${s}`) }))]}
      />
      <SelectField
        label={t("institutions.filters.mode")}
        value={query.mode ?? ""}
        onChange={(e) => onChange({ mode: oneOf(DEPLOYMENT_MODES, e.target.value) })}
        options={[{ value: "", label: any }, ...DEPLOYMENT_MODES.map((m) => ({ value: m, label: t(`enums.deploymentMode.${m}`) }))]}
      />
      <SelectField
        label={t("institutions.filters.role")}
        value={query.role ?? ""}
        onChange={(e) => onChange({ role: oneOf(REGULATORY_ROLES, e.target.value) })}
        options={[{ value: "", label: any }, ...REGULATORY_ROLES.map((r) => ({ value: r, label: t(`enums.regulatoryRole.${r}`) }))]}
      />
      <SelectField
        label={t("institutions.filters.plan")}
        value={query.planId ?? ""}
        onChange={(e) => onChange({ planId: e.target.value || undefined })}
        options={[
          { value: "", label: any },
          ...plans.map((p) => ({ value: p.id, label: p.active ? p.name : t("institutions.filters.retiredPlan", { name: p.name }) })),
        ]}
      />
      <Button
        variant="ghost"
        disabled={!filtered}
        onClick={() => {
          setSearch("");
          onChange({ search: undefined, status: undefined, mode: undefined, role: undefined, planId: undefined });
        }}
      >
        {t("institutions.filters.clear")}
      </Button>
    </search>
  );
}
