"use client";
import { useTranslations } from "next-intl";

/** The engine's error text exactly as it reported it: preformatted, never translated or trimmed. */
export function EngineError({ text }: { text: string }) {
  const t = useTranslations("Provisioning.engineError");
  return (
    <figure className="overflow-hidden rounded-md border border-red-300 bg-red-950">
      <figcaption className="border-b border-red-800 bg-red-900 px-3 py-1 text-xs font-semibold tracking-wide text-red-100 uppercase">
        {t("label")}
      </figcaption>
      <pre
        lang="en"
        data-testid="engine-error"
        className="overflow-x-auto px-3 py-2 font-mono text-xs leading-relaxed whitespace-pre-wrap text-red-50"
      >
        {text}
      </pre>
    </figure>
  );
}
