"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/lib/trpc";
import { PageHeader } from "../ui/page-header";
import { Pagination } from "../ui/pagination";
import { QueryError } from "../ui/query-error";
import { InstitutionsFilters } from "./institutions-filters";
import { InstitutionsTable } from "./institutions-table";
import { useInstitutionQuery } from "./use-institution-query";

/** Opus staff's list of every institution: server-side search, filters, sort and pages. */
export function InstitutionsList() {
  const t = useTranslations("institutions");
  const trpc = useTRPC();
  const [query, update] = useInstitutionQuery();
  const result = useQuery({ ...trpc.institutions.find.queryOptions(query), placeholderData: keepPreviousData });

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader title={t("title")} description={t("description")} />
      <InstitutionsFilters query={query} onChange={update} />
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
