"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { downloadFile } from "@/lib/download-file";
import { useTRPC } from "@/lib/trpc";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { PageHeader } from "../ui/page-header";
import { QueryError } from "../ui/query-error";
import { table } from "../ui/styles";

/** Which environment runs what, across the three modes, with skew highlighted. */
export function VersionMatrixPage() {
  const t = useTranslations("versions");
  const tr = useTranslations("releases");
  const tm = useTranslations("enums.deploymentMode");
  const trpc = useTRPC();
  const matrix = useQuery(trpc.releases.matrix.queryOptions({}));
  const queryClient = useQueryClient();
  const client = useMutation({
    mutationFn: async () => downloadFile(await queryClient.fetchQuery(trpc.releases.exportMatrix.queryOptions({}))),
  });
  if (matrix.isError) return <QueryError error={matrix.error} onRetry={() => void matrix.refetch()} />;
  const m = matrix.data;
  const skewed = m?.environments.filter((e) => e.skew.length > 0) ?? [];
  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <PageHeader
        title={t("title")}
        description={m ? t("description", { distinct: m.distinctVersions, latest: m.latest ?? "—" }) : null}
        actions={
          <Button pending={client.isPending} onClick={() => client.mutate()}>
            {t("exportCsv")}
          </Button>
        }
      />
      <Card title={t("byRelease")}>
        <DataTable
          caption={t("byRelease")}
          frame="inset"
          minWidth="md"
          columns={[
            { key: "release", label: t("columns.release") },
            { key: "saas", label: tm("SAAS"), align: "right" },
            { key: "managed", label: tm("MANAGED"), align: "right" },
            { key: "selfManaged", label: tm("SELF_MANAGED"), align: "right" },
            { key: "skewed", label: t("columns.skewed"), align: "right" },
            { key: "adoption", label: t("columns.adoption") },
          ]}
          rows={m?.versions}
          empty={<EmptyState title={t("none")} />}
          renderRow={(v) => (
            <tr key={v.version} className={`${table.row} ${v.skewed > 0 ? "bg-amber-50" : ""}`}>
              <td className={`${table.td} font-medium`}>
                {v.version} {v.status && v.status !== "AVAILABLE" ? <Badge tone="warning">{tr(`status.${v.status}`)}</Badge> : null}
              </td>
              <td className={`${table.td} text-right tabular-nums`}>{v.counts.SAAS}</td>
              <td className={`${table.td} text-right tabular-nums`}>{v.counts.MANAGED}</td>
              <td className={`${table.td} text-right tabular-nums`}>{v.counts.SELF_MANAGED}</td>
              <td className={`${table.td} text-right tabular-nums`}>{v.skewed}</td>
              <td className={table.td}>{v.hoursToAdoption === null ? "—" : t("hours", { hours: v.hoursToAdoption })}</td>
            </tr>
          )}
        />
      </Card>
      <Card title={t("skewTitle", { count: skewed.length })}>
        <ul className="space-y-1 text-sm">
          {skewed.slice(0, 200).map((e) => (
            <li key={e.environmentId}>
              <span className="font-medium">{e.label}</span> · {e.version} · <span className="text-amber-800">{e.skew.join("; ")}</span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
