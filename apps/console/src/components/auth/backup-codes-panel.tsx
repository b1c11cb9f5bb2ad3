"use client";
import { useTranslations } from "next-intl";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";

/**
 * A set of backup codes, shown once (better-auth keeps them encrypted and never shows them again):
 * each signs in once instead of an authenticator code. Copy or download them now.
 */
export function BackupCodesPanel({ codes }: { codes: string[] }) {
  const t = useTranslations("twoFactor.backupCodes");
  const text = codes.join("\n");
  function download() {
    const url = URL.createObjectURL(new Blob([`${t("fileHeading")}\n\n${text}\n`], { type: "text/plain" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "opus-backup-codes.txt";
    link.click();
    URL.revokeObjectURL(url);
  }
  return (
    <section aria-labelledby="backup-codes-title" className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-3">
      <h2 id="backup-codes-title" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-700">{t("help")}</p>
      <ul data-testid="backup-codes" className="grid grid-cols-2 gap-1 font-mono text-sm text-slate-900">
        {codes.map((code) => (
          <li key={code} className="rounded bg-white px-2 py-1 text-center">
            {code}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <CopyButton value={text} label={t("copy")} />
        <Button onClick={download}>{t("download")}</Button>
      </div>
    </section>
  );
}
