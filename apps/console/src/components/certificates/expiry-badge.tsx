"use client";
import { useTranslations } from "next-intl";
import type { ExpiryWarning } from "@/lib/router-types";
import { Badge, type BadgeTone } from "../ui/badge";

const TONES: Record<NonNullable<ExpiryWarning> | "valid", BadgeTone> = {
  valid: "success",
  "30-days": "warning",
  "7-days": "danger",
  expired: "danger",
};

/** Valid, or how close to expiry (30 days, 7 days) a certificate is. */
export function ExpiryBadge({ warning }: { warning: ExpiryWarning }) {
  const t = useTranslations("certificates.expiry");
  const state = warning ?? "valid";
  return <Badge tone={TONES[state]}>{t(state)}</Badge>;
}
