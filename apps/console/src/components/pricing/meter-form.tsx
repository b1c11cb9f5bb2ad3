"use client";
import { TEXT_LIMITS } from "@opus/rules/text-limits";
import { METER_CODE_PATTERN } from "@opus/rules/text-patterns";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import { appErrorCode } from "@/lib/app-error";
import type { RouterInputs } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { SelectField } from "../ui/select-field";
import { TextField } from "../ui/text-field";

type Aggregation = RouterInputs["usage"]["createMeter"]["aggregation"];
export const AGGREGATIONS = ["COUNT", "SUM", "MAX", "LATEST"] as const satisfies readonly Aggregation[];

/** "api_family, endpoint" → ["api_family", "endpoint"]; null when a part is not a code or there are more than 8. */
function parseDimensions(text: string): string[] | null {
  const parts = text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.length > 8 || parts.some((part) => !METER_CODE_PATTERN.test(part)) ? null : parts;
}

/** Opus admins add a meter: installations may report it from then on. */
export function MeterForm() {
  const t = useTranslations("meterCatalogue.form");
  const ta = useTranslations("meterCatalogue.aggregation");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [unit, setUnit] = useState("");
  const [aggregation, setAggregation] = useState<Aggregation>("COUNT");
  const [dimensions, setDimensions] = useState("");
  const [checked, setChecked] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const create = useMutation(
    trpc.usage.createMeter.mutationOptions({
      onSuccess: async (meter) => {
        setAdded(meter.code);
        setCode("");
        setName("");
        setUnit("");
        setDimensions("");
        setChecked(false);
        await queryClient.invalidateQueries(trpc.usage.meters.pathFilter());
      },
    }),
  );
  const taken = create.isError && appErrorCode(create.error) === "CONFLICT";
  const codeError = checked && !METER_CODE_PATTERN.test(code.trim()) ? t("codeInvalid") : taken ? t("codeTaken") : null;
  const parsedDimensions = parseDimensions(dimensions);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    setAdded(null);
    if (!METER_CODE_PATTERN.test(code.trim()) || !name.trim() || !unit.trim() || !parsedDimensions) return;
    create.mutate({ code: code.trim(), name: name.trim(), unit: unit.trim(), aggregation, dimensions: parsedDimensions });
  }

  return (
    <Card title={t("title")}>
      <form onSubmit={submit} noValidate className="grid grid-cols-1 items-start gap-3 md:grid-cols-3">
        <TextField
          label={t("code")}
          hint={t("codeHint")}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={codeError}
          maxLength={64}
          spellCheck={false}
          autoComplete="off"
          className="[&_input]:font-mono"
        />
        <TextField
          label={t("name")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={checked && !name.trim() ? tc("required") : null}
          maxLength={TEXT_LIMITS.name}
        />
        <TextField
          label={t("unit")}
          hint={t("unitHint")}
          value={unit}
          onChange={(e) => setUnit(e.target.value)}
          error={checked && !unit.trim() ? tc("required") : null}
          maxLength={40}
        />
        <SelectField
          label={t("aggregation")}
          value={aggregation}
          onChange={(e) => setAggregation(AGGREGATIONS.find((a) => a === e.target.value) ?? "COUNT")}
          options={AGGREGATIONS.map((a) => ({ value: a, label: ta(a) }))}
        />
        <TextField
          label={t("dimensions")}
          hint={t("dimensionsHint")}
          value={dimensions}
          onChange={(e) => setDimensions(e.target.value)}
          error={checked && !parsedDimensions ? t("dimensionsInvalid") : null}
          spellCheck={false}
          autoComplete="off"
          className="[&_input]:font-mono"
        />
        <div className="md:mt-6">
          <Button type="submit" variant="primary" pending={create.isPending}>
            {t("submit")}
          </Button>
        </div>
      </form>
      {create.isError && !taken ? (
        <Alert tone="error" className="mt-3">
          {errorMessage(create.error)}
        </Alert>
      ) : null}
      {added ? (
        <Alert tone="success" className="mt-3">
          {t("added", { code: added })}
        </Alert>
      ) : null}
    </Card>
  );
}
