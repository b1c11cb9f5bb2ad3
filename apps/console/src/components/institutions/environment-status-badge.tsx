"use client";
import { useTranslations } from "next-intl";
import type { EnvironmentStatus } from "@/lib/router-types";
import { Badge, type BadgeTone } from "../ui/badge";

const TONES: Record<EnvironmentStatus, BadgeTone> = {
  PENDING: "neutral",
  PROVISIONING: "progress",
  ACTIVE: "success",
  SUSPENDED: "warning",
  FAILED: "danger",
  DESTROYING: "warning",
  DESTROYED: "muted",
};

export function EnvironmentStatusBadge({ status }: { status: EnvironmentStatus }) {
  const t = useTranslations("enums.environmentStatus");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
