"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { downloadFile } from "@/lib/download-file";
import { useTRPC } from "@/lib/trpc";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { PageHeader } from "../ui/page-header";
import { QueryError } from "../ui/query-error";

/** Which environment runs what, across the three modes, with skew highlighted. */
export function VersionMatrixPage() {
  const t = useTranslations("versions");
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
        <table className="w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr>
              <th className="py-1">{t("columns.release")}</th>
              <th>SaaS</th>
              <th>{t("columns.managed")}</th>
              <th>{t("columns.selfManaged")}</th>
              <th>{t("columns.skewed")}</th>
              <th>{t("columns.adoption")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {m?.versions.map((v) => (
              <tr key={v.version} className={v.skewed > 0 ? "bg-amber-50" : ""}>
                <td className="py-1 font-medium">
                  {v.version} {v.status && v.status !== "AVAILABLE" ? <Badge tone="warning">{v.status.toLowerCase()}</Badge> : null}
                </td>
                <td>{v.counts.SAAS}</td>
                <td>{v.counts.MANAGED}</td>
                <td>{v.counts.SELF_MANAGED}</td>
                <td>{v.skewed}</td>
                <td>{v.hoursToAdoption === null ? "—" : t("hours", { hours: v.hoursToAdoption })}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
