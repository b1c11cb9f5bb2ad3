"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Suspense, useState } from "react";
import { can } from "@/lib/permissions";
import { useTRPC } from "@/lib/trpc";
import { useCurrentMe } from "../shell/me-context";
import { Button } from "../ui/button";
import { PageHeader } from "../ui/page-header";
import { Pagination } from "../ui/pagination";
import { QueryError } from "../ui/query-error";
import { InstitutionsFilters } from "./institutions-filters";
import { InstitutionsTable } from "./institutions-table";
import { InviteInstitutionForm } from "./invite-institution-form";
import { useInstitutionQuery } from "./use-institution-query";

function InviteButton({ onClick }: { onClick: () => void }) {
  const t = useTranslations("institutions");
  const me = useCurrentMe();
  return can(me, "institution.create") ? (
    <Button variant="primary" onClick={onClick}>
      {t("invite.open")}
    </Button>
  ) : null;
}

/** Opus staff's list of every institution: server-side search, filters, sort and pages. */
export function InstitutionsList() {
  const t = useTranslations("institutions");
  const trpc = useTRPC();
  const [query, update] = useInstitutionQuery();
  const [inviting, setInviting] = useState(false);
  const result = useQuery({ ...trpc.institutions.find.queryOptions(query), placeholderData: keepPreviousData });
  const plans = useQuery(trpc.plans.find.queryOptions());

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          inviting ? null : (
            // Only the invite button needs the person's permissions: the table does not wait for them.
            <Suspense fallback={null}>
              <InviteButton onClick={() => setInviting(true)} />
            </Suspense>
          )
        }
      />
      {inviting ? <InviteInstitutionForm onClose={() => setInviting(false)} /> : null}
      <InstitutionsFilters query={query} plans={plans.data ?? []} onChange={update} />
      {result.isError ? (
        <QueryError error={result.error} onRetry={() => void result.refetch()} />
      ) : (
        <>
          <InstitutionsTable
            items={result.data?.items}
            query={query}
            onSort={update}
            loading={result.isPending}
            refreshing={result.isPlaceholderData}
          />
          {result.data ? (
            <Pagination
              page={query.page}
              pageSize={query.pageSize}
              total={result.data.total}
              onChange={(page, pageSize) => update({ page, pageSize })}
            />
          ) : null}
        </>
      )}
    </div>
  );
}
