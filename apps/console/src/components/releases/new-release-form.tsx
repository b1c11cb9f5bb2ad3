"use client";
import { RELEASE_CHANNELS } from "@opus/rules/releases";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { SelectField } from "../ui/select-field";
import { TextAreaField } from "../ui/text-area-field";
import { TextField } from "../ui/text-field";

const DEFAULT_MODULES = JSON.stringify(
  [{ name: "consent", image: "registry.opus.example/consent:VERSION", valuesKey: "consent", needsDatabase: true, needsQueue: true }],
  null,
  2,
);

/** Registers a draft release: chart, images, modules (JSON, as the chart's values expect them), Kubernetes range, notes. */
export function NewReleaseForm() {
  const t = useTranslations("releases.form");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [version, setVersion] = useState("");
  const [channel, setChannel] = useState<(typeof RELEASE_CHANNELS)[number]>("REGULAR");
  const [kubernetesMin, setKubernetesMin] = useState("1.27");
  const [kubernetesMax, setKubernetesMax] = useState("1.30");
  const [minUpgradableFrom, setMinUpgradableFrom] = useState("");
  const [modules, setModules] = useState(DEFAULT_MODULES);
  const [notes, setNotes] = useState("");
  const [jsonError, setJsonError] = useState<string | null>(null);
  const create = useMutation(
    trpc.releases.create.mutationOptions({
      onSuccess: async () => {
        setVersion("");
        setNotes("");
        await queryClient.invalidateQueries(trpc.releases.pathFilter());
      },
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(modules.replaceAll("VERSION", version));
      setJsonError(null);
    } catch {
      setJsonError(t("modulesInvalid"));
      return;
    }
    create.mutate({
      version,
      chart: "opus-platform",
      chartRepository: "oci://registry.opus.example/charts",
      chartVersion: version,
      images: {},
      modules: parsed as never,
      kubernetesMin,
      kubernetesMax,
      channel,
      minUpgradableFrom: minUpgradableFrom || null,
      notes,
    });
  }
  return (
    <Card title={t("title")}>
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-3">
        <TextField label={t("version")} value={version} onChange={(e) => setVersion(e.target.value)} required maxLength={64} />
        <SelectField
          label={t("channel")}
          value={channel}
          onChange={(e) => setChannel(e.target.value as typeof channel)}
          options={RELEASE_CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
        />
        <TextField
          label={t("minUpgradableFrom")}
          value={minUpgradableFrom}
          onChange={(e) => setMinUpgradableFrom(e.target.value)}
          maxLength={64}
        />
        <TextField
          label={t("kubernetesMin")}
          value={kubernetesMin}
          onChange={(e) => setKubernetesMin(e.target.value)}
          required
          maxLength={32}
        />
        <TextField
          label={t("kubernetesMax")}
          value={kubernetesMax}
          onChange={(e) => setKubernetesMax(e.target.value)}
          required
          maxLength={32}
        />
        <div />
        <TextAreaField
          label={t("modules")}
          value={modules}
          onChange={(e) => setModules(e.target.value)}
          rows={5}
          className="sm:col-span-3"
        />
        <TextAreaField
          label={t("notes")}
          hint={t("notesHint")}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          rows={4}
          maxLength={20000}
          className="sm:col-span-3"
        />
        {jsonError || create.isError ? (
          <Alert tone="error" className="sm:col-span-3">
            {jsonError ?? errorMessage(create.error)}
          </Alert>
        ) : null}
        <div className="sm:col-span-3">
          <Button type="submit" variant="primary" pending={create.isPending}>
            {t("submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
