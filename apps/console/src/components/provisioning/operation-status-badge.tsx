"use client";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "../ui/badge";
import type { OperationStatus } from "./provisioning-types";

const TONES: Record<OperationStatus, BadgeTone> = {
  QUEUED: "neutral",
  RUNNING: "progress",
  SUCCEEDED: "success",
  FAILED: "danger",
  CANCELLED: "muted",
};

export function OperationStatusBadge({ status }: { status: OperationStatus }) {
  const t = useTranslations("Provisioning.status");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
