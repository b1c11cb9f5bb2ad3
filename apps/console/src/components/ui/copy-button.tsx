"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "./button";

/** Copies `value`; when the clipboard is unavailable the caller's text stays selectable by hand. */
export function CopyButton({ value, label }: { value: string; label?: string }) {
  const t = useTranslations("common");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2500);
  }
  return (
    <Button onClick={copy} aria-live="polite">
      {state === "copied" ? t("copied") : state === "failed" ? t("copyFailed") : (label ?? t("copy"))}
    </Button>
  );
}
