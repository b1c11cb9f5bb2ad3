"use client";
import { useTranslations } from "next-intl";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { table } from "../ui/styles";
import { downloadText, fileNameOf } from "./download-text";
import type { InstallBundle } from "./provisioning-types";

const TOKEN_FILE = "usage-reporting-token";

/** The bundle's files, each with its own download button (the content exists only in this page). */
export function BundleFiles({ files }: { files: InstallBundle["files"] }) {
  const t = useTranslations("Provisioning.bundle");
  return (
    <div className={table.wrapper}>
      <table className={table.table} aria-label={t("files")}>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {t("file")}
            </th>
            <th scope="col" className={table.th}>
              {t("size")}
            </th>
            <th scope="col" className={`${table.th} text-right`}>
              <span className="sr-only">{t("downloadFile")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {files.map((file) => {
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
          })}
        </tbody>
      </table>
    </div>
  );
}
