"use client";
// One wave of the rollout form: which environments it takes (kinds, modes, tenants), how many at
// once (a count or a percentage of the wave), soak, failure threshold and its gates.
import { DEPLOYMENT_MODES, ENVIRONMENT_KINDS } from "@opus/rules/enums";
import { useTranslations } from "next-intl";
import { Button } from "../ui/button";
import { CheckboxField } from "../ui/checkbox-field";
import { Fieldset } from "../ui/fieldset";
import { SelectField } from "../ui/select-field";
import { TextField } from "../ui/text-field";
import type { WaveDraft, WaveError, WaveField } from "./wave-draft";

type Props = {
  index: number;
  count: number;
  wave: WaveDraft;
  errors: WaveError[];
  onChange: (wave: WaveDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

function toggled<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

export function WaveEditor({ index, count, wave, errors, onChange, onMove, onRemove }: Props) {
  const t = useTranslations("rollouts.form");
  const tEnums = useTranslations("enums");
  const set = (patch: Partial<WaveDraft>) => onChange({ ...wave, ...patch });
  const errorOf = (field: WaveField) => {
    const e = errors.find((x) => x.field === field);
    return e ? t(`errors.${e.problem}`) : null;
  };
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-4" data-testid={`wave-form-${index}`}>
      <legend className="px-1 text-sm font-semibold text-slate-800">{t("waveLegend", { position: index + 1 })}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t("waveName")}
          value={wave.name}
          onChange={(e) => set({ name: e.target.value })}
          maxLength={80}
          error={errorOf("name")}
        />
        <TextField label={t("tenants")} hint={t("tenantsHint")} value={wave.tenants} onChange={(e) => set({ tenants: e.target.value })} />
        <Fieldset legend={t("kinds")} hint={t("anyWhenEmpty")}>
          <div className="flex flex-wrap gap-3">
            {ENVIRONMENT_KINDS.map((k) => (
              <CheckboxField
                key={k}
                label={tEnums(`environmentKind.${k}`)}
                checked={wave.kinds.includes(k)}
                onChange={(e) => set({ kinds: toggled(wave.kinds, k, e.target.checked) })}
              />
            ))}
          </div>
        </Fieldset>
        <Fieldset legend={t("modes")} hint={t("anyWhenEmpty")}>
          <div className="flex flex-wrap gap-3">
            {DEPLOYMENT_MODES.map((m) => (
              <CheckboxField
                key={m}
                label={tEnums(`deploymentMode.${m}`)}
                checked={wave.modes.includes(m)}
                onChange={(e) => set({ modes: toggled(wave.modes, m, e.target.checked) })}
              />
            ))}
          </div>
        </Fieldset>
        <div className="grid grid-cols-2 gap-3">
          <SelectField
            label={t("concurrencyKind")}
            value={wave.concurrencyKind}
            onChange={(e) => set({ concurrencyKind: e.target.value === "percent" ? "percent" : "count" })}
            options={[
              { value: "count", label: t("concurrencyCount") },
              { value: "percent", label: t("concurrencyPercent") },
            ]}
          />
          <TextField
            label={wave.concurrencyKind === "count" ? t("concurrencyCountValue") : t("concurrencyPercentValue")}
            inputMode="numeric"
            value={wave.concurrency}
            onChange={(e) => set({ concurrency: e.target.value })}
            error={errorOf("concurrency")}
          />
        </div>
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label={t("soakMinutes")}
            inputMode="numeric"
            value={wave.soakMinutes}
            onChange={(e) => set({ soakMinutes: e.target.value })}
            error={errorOf("soakMinutes")}
          />
          <TextField
            label={t("failureThreshold")}
            hint={t("failureThresholdHint")}
            inputMode="numeric"
            value={wave.failureThreshold}
            onChange={(e) => set({ failureThreshold: e.target.value })}
            error={errorOf("failureThreshold")}
          />
        </div>
      </div>
      <div className="flex flex-wrap gap-4">
        <CheckboxField
          label={t("requiresApproval")}
          description={t("requiresApprovalHint")}
          checked={wave.requiresApproval}
          onChange={(e) => set({ requiresApproval: e.target.checked })}
        />
        <CheckboxField
          label={t("healthGate")}
          description={t("healthGateHint")}
          checked={wave.healthGate}
          onChange={(e) => set({ healthGate: e.target.checked, rollbackOnBreach: e.target.checked && wave.rollbackOnBreach })}
        />
        <CheckboxField
          label={t("rollbackOnBreach")}
          description={t("rollbackOnBreachHint")}
          checked={wave.rollbackOnBreach}
          disabled={!wave.healthGate}
          onChange={(e) => set({ rollbackOnBreach: e.target.checked })}
        />
      </div>
      <div className="flex gap-2">
        <Button variant="ghost" onClick={() => onMove(-1)} disabled={index === 0}>
          {t("moveUp")}
        </Button>
        <Button variant="ghost" onClick={() => onMove(1)} disabled={index === count - 1}>
          {t("moveDown")}
        </Button>
        <Button variant="dangerGhost" onClick={onRemove} disabled={count === 1}>
          {t("removeWave")}
        </Button>
      </div>
    </fieldset>
  );
}
