"use client";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "../ui/badge";
import type { HealthStatus } from "./health-labels";

const TONES: Record<HealthStatus, BadgeTone> = { BREACHING: "danger", AT_RISK: "warning", HEALTHY: "success", NO_DATA: "muted" };

export function HealthStatusBadge({ status }: { status: HealthStatus }) {
  const t = useTranslations("health.status");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
