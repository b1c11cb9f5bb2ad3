"use client";
// Plans a rollout: the release, which environments (kinds, modes, tenants), the ordered waves and
// whether each upgrade is previewed first. Submitting computes the plan; the rollout page shows it.
import { DEPLOYMENT_MODES, type DeploymentMode, ENVIRONMENT_KINDS, type EnvironmentKind } from "@opus/rules/enums";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { CheckboxField } from "../ui/checkbox-field";
import { Fieldset } from "../ui/fieldset";
import { SelectField } from "../ui/select-field";
import { TextField } from "../ui/text-field";
import { defaultWaves, moveWave, newWave, parseTenants, type WaveDraft, type WaveError, waveSpecsOf } from "./wave-draft";
import { WaveEditor } from "./wave-editor";

export function RolloutPlanForm({ releases }: { releases: { id: string; version: string }[] }) {
  const t = useTranslations("rollouts");
  const tEnums = useTranslations("enums");
  const trpc = useTRPC();
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const [name, setName] = useState("");
  const [releaseId, setReleaseId] = useState("");
  const [kinds, setKinds] = useState<EnvironmentKind[]>([]);
  const [modes, setModes] = useState<DeploymentMode[]>([]);
  const [tenants, setTenants] = useState("");
  const [previewFirst, setPreviewFirst] = useState(false);
  const [waves, setWaves] = useState<WaveDraft[]>(() =>
    defaultWaves({ lower: t("form.defaultLowerWave"), production: t("form.defaultProductionWave") }),
  );
  const [errors, setErrors] = useState<WaveError[]>([]);
  const create = useMutation(trpc.rollouts.create.mutationOptions({ onSuccess: (r) => router.push(`/rollouts/${r.id}`) }));
  const chosenRelease = releaseId || (releases[0]?.id ?? "");

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = waveSpecsOf(waves);
    if ("errors" in result) {
      setErrors(result.errors);
      return;
    }
    setErrors([]);
    create.mutate({
      name,
      releaseId: chosenRelease,
      selection: { modes, kinds, planIds: [], institutionIds: [], tenants: parseTenants(tenants) },
      waves: result.specs,
      previewFirst,
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("name")} value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
        <SelectField
          label={t("release")}
          value={chosenRelease}
          onChange={(e) => setReleaseId(e.target.value)}
          options={releases.map((r) => ({ value: r.id, label: r.version }))}
        />
        <Fieldset legend={t("form.selectionKinds")} hint={t("form.anyWhenEmpty")}>
          <div className="flex flex-wrap gap-3">
            {ENVIRONMENT_KINDS.map((k) => (
              <CheckboxField
                key={k}
                label={tEnums(`environmentKind.${k}`)}
                checked={kinds.includes(k)}
                onChange={(e) => setKinds(e.target.checked ? [...kinds, k] : kinds.filter((x) => x !== k))}
              />
            ))}
          </div>
        </Fieldset>
        <Fieldset legend={t("form.selectionModes")} hint={t("form.anyWhenEmpty")}>
          <div className="flex flex-wrap gap-3">
            {DEPLOYMENT_MODES.map((m) => (
              <CheckboxField
                key={m}
                label={tEnums(`deploymentMode.${m}`)}
                checked={modes.includes(m)}
                onChange={(e) => setModes(e.target.checked ? [...modes, m] : modes.filter((x) => x !== m))}
              />
            ))}
          </div>
        </Fieldset>
        <TextField
          label={t("form.selectionTenants")}
          hint={t("form.selectionTenantsHint")}
          value={tenants}
          onChange={(e) => setTenants(e.target.value)}
        />
        <CheckboxField
          label={t("form.previewFirst")}
          description={t("form.previewFirstHint")}
          checked={previewFirst}
          onChange={(e) => setPreviewFirst(e.target.checked)}
        />
      </div>
      <p className="text-sm text-slate-600">{t("form.wavesHint")}</p>
      {waves.map((wave, index) => (
        <WaveEditor
          key={wave.key}
          index={index}
          count={waves.length}
          wave={wave}
          errors={errors.filter((e) => e.wave === index)}
          onChange={(next) => setWaves(waves.map((w, i) => (i === index ? next : w)))}
          onMove={(by) => setWaves(moveWave(waves, index, by))}
          onRemove={() => setWaves(waves.filter((_, i) => i !== index))}
        />
      ))}
      <Button onClick={() => setWaves([...waves, newWave()])} disabled={waves.length >= 20}>
        {t("form.addWave")}
      </Button>
      {errors.length || create.isError ? (
        <Alert tone="error">{errors.length ? t("form.fixWaves") : errorMessage(create.error)}</Alert>
      ) : null}
      <div>
        <Button type="submit" variant="primary" pending={create.isPending} disabled={releases.length === 0}>
          {t("computePlan")}
        </Button>
      </div>
    </form>
  );
}
