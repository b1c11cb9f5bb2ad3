"use client";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "../ui/badge";

const TONE: Record<string, BadgeTone> = { DRAFT: "muted", AVAILABLE: "success", DEPRECATED: "warning", WITHDRAWN: "danger" };

export function ReleaseStatusBadge({ status }: { status: string }) {
  const t = useTranslations("releases.status");
  return <Badge tone={TONE[status] ?? "neutral"}>{t(status as "DRAFT")}</Badge>;
}
