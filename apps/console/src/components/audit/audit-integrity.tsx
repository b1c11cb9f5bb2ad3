"use client";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { QueryError } from "../ui/query-error";
import { AuditExport } from "./audit-export";

/** Opus admins check the hash chain and its signed checkpoints on demand (it reads the whole trail). */
export function AuditIntegrity() {
  const t = useTranslations("audit.integrity");
  const format = useFormatter();
  const trpc = useTRPC();
  const check = useQuery({ ...trpc.audit.verify.queryOptions(), enabled: false, retry: false });
  const report = check.data;
  return (
    <Card
      title={t("title")}
      className="mb-4"
      actions={
        <Button onClick={() => void check.refetch()} disabled={check.isFetching}>
          {check.isFetching ? t("checking") : t("check")}
        </Button>
      }
    >
      <p className="text-sm text-slate-600">{t("description")}</p>
      {check.isError ? <QueryError error={check.error} onRetry={() => void check.refetch()} /> : null}
      {report && !check.isFetching ? (
        <div className="mt-3 space-y-2">
          {report.firstBreak ? (
            <Alert tone="error">
              {t("broken", { seq: report.firstBreak.seq })} {report.firstBreak.reason}
            </Alert>
          ) : (
            <Alert tone="success">{t("intact", { length: format.number(Number(report.length)) })}</Alert>
          )}
          <p className="text-xs text-slate-500">
            {t("checkpoints", { verified: report.checkpoints.verified, total: report.checkpoints.total })}
            {report.legacyEvents > 0 ? ` ${t("legacy", { count: report.legacyEvents })}` : ""}
          </p>
          <p className="break-all font-mono text-xs text-slate-500">
            {t("head")} {report.headHash}
          </p>
        </div>
      ) : null}
      <AuditExport />
    </Card>
  );
}
