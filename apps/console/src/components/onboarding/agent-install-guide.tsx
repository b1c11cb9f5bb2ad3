"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Alert } from "../ui/alert";
import { CopyButton } from "../ui/copy-button";
import { AgentKeyIssuer } from "./agent-key-issuer";

type Props = {
  institutionId: string;
  /** The agent choice is saved: only then does the API issue an agent key. */
  saved: boolean;
};

/** How the customer installs the agent in their cluster; the agent key is issued here once the choice is saved. */
export function AgentInstallGuide({ institutionId, saved }: Props) {
  const t = useTranslations("onboarding.deployment.agent");
  const code = (chunks: ReactNode) => <code className="rounded bg-slate-100 px-1 font-mono text-xs">{chunks}</code>;
  return (
    <section aria-labelledby="agent-install-heading" className="space-y-3 rounded-md border border-slate-200 p-4">
      <h3 id="agent-install-heading" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h3>
      <Alert tone="info">{t("noCredentials")}</Alert>
      <ol className="list-decimal space-y-1.5 pl-5 text-sm text-slate-700">
        <li>{t.rich("stepKey", { code })}</li>
        <li>{t.rich("stepSecret", { code })}</li>
        <li>{t.rich("stepApply", { code })}</li>
        <li>{t("stepCheck")}</li>
      </ol>
      <div className="flex items-center gap-2 text-sm text-slate-700">
        <span>{t("institutionId")}</span>
        <code className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs" data-testid="agent-institution-id">
          {institutionId}
        </code>
        <CopyButton value={institutionId} />
      </div>
      <p className="text-xs text-slate-500">{t("reaches")}</p>
      {saved ? <AgentKeyIssuer institutionId={institutionId} /> : <p className="text-sm font-medium text-slate-700">{t("saveFirst")}</p>}
    </section>
  );
}
