"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import { can } from "@/lib/permissions";
import { useTRPC } from "@/lib/trpc";
import { useCurrentMe } from "../shell/me-context";
import { Alert } from "../ui/alert";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { PageHeader } from "../ui/page-header";
import { QueryError } from "../ui/query-error";
import { SelectField } from "../ui/select-field";
import { TextAreaField } from "../ui/text-area-field";
import { TextField } from "../ui/text-field";

/** Canary tenants, then development and homologation, then production: the usual rings. */
const DEFAULT_WAVES = JSON.stringify(
  [
    {
      name: "Development and homologation",
      kinds: ["DEVELOPMENT", "HOMOLOGATION"],
      maxConcurrency: { percent: 25 },
      soakMinutes: 60,
      failureThreshold: 2,
    },
    { name: "Production", kinds: ["PRODUCTION"], maxConcurrency: { count: 5 }, soakMinutes: 0, failureThreshold: 1 },
  ],
  null,
  2,
);

export function RolloutsPage() {
  const t = useTranslations("rollouts");
  const trpc = useTRPC();
  const me = useCurrentMe();
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const rollouts = useQuery(trpc.rollouts.find.queryOptions());
  const releases = useQuery(trpc.releases.find.queryOptions());
  const available = releases.data?.filter((r) => r.status === "AVAILABLE") ?? [];
  const [name, setName] = useState("");
  const [releaseId, setReleaseId] = useState("");
  const [waves, setWaves] = useState(DEFAULT_WAVES);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const create = useMutation(trpc.rollouts.create.mutationOptions({ onSuccess: (r) => router.push(`/rollouts/${r.id}`) }));
  function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const parsed = JSON.parse(waves) as never;
      setJsonError(null);
      create.mutate({
        name,
        releaseId: releaseId || (available[0]?.id ?? ""),
        selection: { modes: [], planIds: [], kinds: [], institutionIds: [] },
        waves: parsed,
      });
    } catch {
      setJsonError(t("wavesInvalid"));
    }
  }
  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {can(me, "releases.manage") ? (
        <Card title={t("planTitle")}>
          <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2">
            <TextField label={t("name")} value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
            <SelectField
              label={t("release")}
              value={releaseId || (available[0]?.id ?? "")}
              onChange={(e) => setReleaseId(e.target.value)}
              options={available.map((r) => ({ value: r.id, label: r.version }))}
            />
            <TextAreaField
              label={t("waves")}
              hint={t("wavesHint")}
              value={waves}
              onChange={(e) => setWaves(e.target.value)}
              rows={8}
              className="sm:col-span-2"
            />
            {jsonError || create.isError ? (
              <Alert tone="error" className="sm:col-span-2">
                {jsonError ?? errorMessage(create.error)}
              </Alert>
            ) : null}
            <div>
              <Button type="submit" variant="primary" pending={create.isPending} disabled={available.length === 0}>
                {t("computePlan")}
              </Button>
            </div>
          </form>
        </Card>
      ) : null}
      {rollouts.isError ? (
        <QueryError error={rollouts.error} onRetry={() => void rollouts.refetch()} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {rollouts.data?.map((r) => (
            <li key={r.id} className="flex items-center gap-3 px-4 py-3">
              <Link href={`/rollouts/${r.id}`} className="font-medium text-brand-700 hover:underline">
                {r.name}
              </Link>
              <span className="text-sm text-slate-600">{r.releaseVersion}</span>
              <Badge tone="neutral">{t(`status.${r.status}`)}</Badge>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
