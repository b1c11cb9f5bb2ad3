"use client";
import { useTranslations } from "next-intl";
import { DetailList } from "../ui/detail-list";
import type { Operation } from "./provisioning-types";

// The outputs the tenant program exports in plain text, in reading order. Secret outputs never
// reach the console (the API returns non-secret outputs only); anything else is shown as named.
const KNOWN = ["namespace", "databaseName", "queueVhost", "gatewayUrl"] as const;
type Known = (typeof KNOWN)[number];

function text(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** A stack's non-secret outputs as label/value pairs; the gateway URL is a link. */
export function StackOutputs({
  outputs,
  destroyed = false,
  release = null,
}: {
  outputs: Operation["outputs"];
  destroyed?: boolean;
  /** The environment's deployed release: with one, "nothing deployed yet" would not be true. */
  release?: string | null;
}) {
  const t = useTranslations("Provisioning.outputs");
  const values: Record<string, unknown> = outputs && typeof outputs === "object" && !Array.isArray(outputs) ? outputs : {};
  const known = KNOWN.filter((key) => values[key] !== undefined && values[key] !== null);
  const others = Object.keys(values).filter((key) => !KNOWN.includes(key as Known) && values[key] !== null);
  if (known.length + others.length === 0) {
    const empty = destroyed ? t("destroyed") : release ? t("notRecorded", { release }) : t("none");
    return <p className="text-sm text-slate-600">{empty}</p>;
  }
  const value = (key: string) => {
    const shown = text(values[key]);
    if (key === "gatewayUrl" && /^https?:\/\//.test(shown)) {
      return (
        <a href={shown} target="_blank" rel="noreferrer" className="font-mono text-xs text-brand-700 underline hover:text-brand-900">
          {shown}
        </a>
      );
    }
    return <span className="font-mono text-xs">{shown}</span>;
  };
  return (
    <div data-testid="stack-outputs">
      <DetailList
        items={[...known.map((key) => ({ label: t(key), value: value(key) })), ...others.map((key) => ({ label: key, value: value(key) }))]}
      />
    </div>
  );
}
