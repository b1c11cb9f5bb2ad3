"use client";
import { useTranslations } from "next-intl";
import { PageHeader } from "../ui/page-header";

export function FleetAuditHeader() {
  const t = useTranslations("audit");
  return <PageHeader title={t("fleetTitle")} description={t("fleetDescription")} />;
}
