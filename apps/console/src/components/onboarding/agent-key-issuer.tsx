"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/hooks/use-error-message";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";

/**
 * Issues an agent key for the institution and shows it once (only its hash is kept). Another click
 * issues another key: that is how the agent's key is rotated without downtime (README, "The agent").
 */
export function AgentKeyIssuer({ institutionId }: { institutionId: string }) {
  const t = useTranslations("onboarding.deployment.agent");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const issue = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.find.queryKey({ institutionId }) }),
    }),
  );
  return (
    <div className="space-y-2">
      <Button
        variant={issue.data ? "secondary" : "primary"}
        pending={issue.isPending}
        onClick={() => issue.mutate({ institutionId, name: t("keyName"), purpose: "AGENT" })}
      >
        {issue.data ? t("issueAnother") : t("issue")}
      </Button>
      {issue.isError ? <Alert tone="error">{errorMessage(issue.error)}</Alert> : null}
      {issue.data ? (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3" role="status">
          <p className="text-sm font-medium text-amber-900">{t("issued")}</p>
          <div className="flex items-center gap-2">
            <code className="flex-1 rounded bg-white px-2 py-1 font-mono text-xs break-all select-all" data-testid="new-agent-key">
              {issue.data.key}
            </code>
            <CopyButton value={issue.data.key} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
