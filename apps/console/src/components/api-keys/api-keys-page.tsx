"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import { can } from "@/lib/permissions";
import { useTRPC } from "@/lib/trpc";
import { useCurrentMe } from "../shell/me-context";
import { Alert } from "../ui/alert";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { CopyButton } from "../ui/copy-button";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { QueryError } from "../ui/query-error";
import { SelectField } from "../ui/select-field";
import { table } from "../ui/styles";
import { TextField } from "../ui/text-field";

/** The API keys tab: keys that report usage, created here (shown once) or by install bundles; revocation. */
export function ApiKeysPage({ institutionId }: { institutionId: string }) {
  const t = useTranslations("apiKeys");
  const tEnums = useTranslations("enums");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const me = useCurrentMe();
  const manage = can(me, "api-keys.manage", institutionId);
  const institution = useQuery(trpc.institutions.get.queryOptions({ institutionId }));
  const keys = useQuery(trpc.apiKeys.find.queryOptions({ institutionId }));
  const [name, setName] = useState("");
  const [environmentId, setEnvironmentId] = useState("");
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.find.queryKey({ institutionId }) });
  const create = useMutation(trpc.apiKeys.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: async () => {
        setRevoking(null);
        await refresh();
      },
    }),
  );
  const endpoint = typeof window === "undefined" ? "/api/v1/usage/events" : `${window.location.origin}/api/v1/usage/events`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (name.trim()) create.mutate({ institutionId, name: name.trim(), ...(environmentId ? { environmentId } : {}) });
  }

  return (
    <div className="space-y-6">
      <section aria-labelledby="api-keys-heading" className="space-y-2">
        <h2 id="api-keys-heading" className="text-base font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-600">{t("description", { endpoint })}</p>
        {keys.isError ? (
          <QueryError error={keys.error} onRetry={() => void keys.refetch()} />
        ) : (
          <DataTable
            caption={t("title")}
            minWidth="lg"
            columns={[
              ...(["name", "prefix", "environment", "origin", "created", "lastUsed", "status"] as const).map((c) => ({
                key: c,
                label: t(`columns.${c}`),
              })),
              manage && { key: "actions", label: t("revoke"), srOnly: true, align: "right" as const },
            ]}
            rows={keys.data}
            empty={<EmptyState title={t("none")} />}
            renderRow={(k) => (
              <tr key={k.id} className={table.row}>
                <td className={table.td}>{k.name}</td>
                <td className={`${table.td} font-mono text-xs`}>{k.prefix}…</td>
                <td className={table.td}>{k.environment ? tEnums(`environmentKind.${k.environment.kind}`) : t("anyEnvironment")}</td>
                <td className={table.td}>{t(`origin.${k.origin}`)}</td>
                <td className={table.td}>{format.dateTime(new Date(k.createdAt), "dateTime")}</td>
                <td className={table.td}>{k.lastUsedAt ? format.dateTime(new Date(k.lastUsedAt), "dateTime") : t("never")}</td>
                <td className={table.td}>
                  <Badge tone={k.revokedAt ? "muted" : "success"}>{k.revokedAt ? t("revoked") : t("active")}</Badge>
                </td>
                {manage ? (
                  <td className={`${table.td} text-right`}>
                    {k.revokedAt ? null : (
                      <Button variant="dangerGhost" onClick={() => setRevoking({ id: k.id, name: k.name })}>
                        {t("revoke")}
                      </Button>
                    )}
                  </td>
                ) : null}
              </tr>
            )}
          />
        )}
      </section>
      {manage ? (
        <Card title={t("create")}>
          <form onSubmit={submit} noValidate className="grid grid-cols-1 items-end gap-3 md:grid-cols-[1fr_14rem_auto]">
            <TextField label={t("name")} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} required />
            <SelectField
              label={t("environment")}
              value={environmentId}
              onChange={(e) => setEnvironmentId(e.target.value)}
              options={[
                { value: "", label: t("anyEnvironment") },
                ...(institution.data?.environments ?? []).map((e) => ({ value: e.id, label: tEnums(`environmentKind.${e.kind}`) })),
              ]}
            />
            <Button type="submit" variant="primary" pending={create.isPending} disabled={!name.trim()}>
              {t("create")}
            </Button>
          </form>
          {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
          {create.data ? (
            <div className="mt-4 space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3" role="status">
              <p className="text-sm font-medium text-amber-900">{t("created")}</p>
              <div className="flex items-center gap-2">
                <code className="flex-1 rounded bg-white px-2 py-1 font-mono text-xs break-all select-all" data-testid="new-api-key">
                  {create.data.key}
                </code>
                <CopyButton value={create.data.key} />
              </div>
            </div>
          ) : null}
        </Card>
      ) : null}
      <ConfirmDialog
        open={revoking !== null}
        title={t("revokeTitle", { name: revoking?.name ?? "" })}
        confirmLabel={t("revoke")}
        pending={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate({ institutionId, apiKeyId: revoking.id })}
        onCancel={() => setRevoking(null)}
      >
        {t("revokeBody")}
      </ConfirmDialog>
    </div>
  );
}
