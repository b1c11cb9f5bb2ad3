import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditIntegrity } from "@/components/audit/audit-integrity";
import { AuditTrail } from "@/components/audit/audit-trail";
import { FleetAuditHeader } from "@/components/audit/fleet-audit-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("fleetTitle") };
}

export default function FleetAuditPage() {
  return (
    <div className="mx-auto max-w-7xl">
      <FleetAuditHeader />
      <AuditIntegrity />
      <AuditTrail />
    </div>
  );
}
