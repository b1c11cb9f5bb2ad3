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

/** `setupFailed` (from the API, see @opus/rules/institution-lifecycle) shows instead of "Approved" when nothing came up. */
export function InstitutionStatusBadge({ status, setupFailed = false }: { status: InstitutionStatus; setupFailed?: boolean }) {
  const t = useTranslations("enums");
  const shown = setupFailed ? "SETUP_FAILED" : status;
  return (
    <Badge tone={setupFailed ? "danger" : TONES[status]} title={t(`institutionStatusHelp.${shown}`)}>
      {t(`institutionStatus.${shown}`)}
    </Badge>
  );
}
