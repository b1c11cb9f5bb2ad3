"use client";
import { useTranslations } from "next-intl";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { DataTable } from "../ui/data-table";
import { table } from "../ui/styles";
import { downloadText, fileNameOf } from "./download-text";
import type { InstallBundle } from "./provisioning-types";

const TOKEN_FILE = "usage-reporting-token";

/** The bundle's files, each with its own download button (the content exists only in this page). */
export function BundleFiles({ files }: { files: InstallBundle["files"] }) {
  const t = useTranslations("Provisioning.bundle");
  return (
    <DataTable
      caption={t("files")}
      minWidth="sm"
      columns={[
        { key: "file", label: t("file") },
        { key: "size", label: t("size") },
        { key: "download", label: t("downloadFile"), srOnly: true, align: "right" },
      ]}
      rows={files}
      empty={null}
      renderRow={(file) => {
        const bytes = new TextEncoder().encode(file.content).length;
        return (
          <tr key={file.path} className={table.row}>
            <td className={`${table.td} font-mono text-xs`}>
              <span className="flex flex-wrap items-center gap-2">
                {file.path}
                {file.path === TOKEN_FILE ? <Badge tone="warning">{t("secretFile")}</Badge> : null}
              </span>
            </td>
            <td className={`${table.td} whitespace-nowrap text-slate-600 tabular-nums`}>{t("bytes", { count: bytes })}</td>
            <td className={`${table.td} text-right`}>
              <Button
                aria-label={t("downloadNamed", { path: file.path })}
                onClick={() => downloadText(file.content, fileNameOf(file.path))}
              >
                {t("downloadFile")}
              </Button>
            </td>
          </tr>
        );
      }}
    />
  );
}
