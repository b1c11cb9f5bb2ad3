"use client";
import { SIGNUP_STATUSES } from "@opus/rules/enums";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Signup } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { PageHeader } from "../ui/page-header";
import { QueryError } from "../ui/query-error";
import { SelectField } from "../ui/select-field";
import { SignupsTable } from "./signups-table";

/** Self sign-ups waiting for Opus, and the ones already decided. */
export function SignupsPage() {
  const t = useTranslations("signups");
  const trpc = useTRPC();
  const [status, setStatus] = useState<Signup["status"]>("PENDING");
  const signups = useQuery(trpc.signups.find.queryOptions({ status }));
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader title={t("title")} description={t("description")} />
      <div className="mb-3 max-w-xs">
        <SelectField
          label={t("show")}
          value={status}
          onChange={(e) => setStatus(SIGNUP_STATUSES.find((s) => s === e.target.value) ?? "PENDING")}
          options={SIGNUP_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      </div>
      {signups.isError ? (
        <QueryError error={signups.error} onRetry={() => void signups.refetch()} />
      ) : (
        <SignupsTable signups={signups.data} status={status} />
      )}
    </div>
  );
}
