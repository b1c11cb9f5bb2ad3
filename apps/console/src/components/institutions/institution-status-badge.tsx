"use client";
import { useTranslations } from "next-intl";
import type { InstitutionStatus } from "@/lib/router-types";
import { Badge, type BadgeTone } from "../ui/badge";

const TONES: Record<InstitutionStatus, BadgeTone> = {
  DRAFT: "neutral",
  SUBMITTED: "info",
  REJECTED: "danger",
  APPROVED: "info",
  PROVISIONING: "progress",
  ACTIVE: "success",
  SUSPENDED: "warning",
  OFFBOARDING: "warning",
  OFFBOARDED: "muted",
};

export function InstitutionStatusBadge({ status }: { status: InstitutionStatus }) {
  const t = useTranslations("enums");
  return (
    <Badge tone={TONES[status]} title={t(`institutionStatusHelp.${status}`)}>
      {t(`institutionStatus.${status}`)}
    </Badge>
  );
}
