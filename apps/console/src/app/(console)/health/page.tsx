import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FleetHealthPage } from "@/components/health/fleet-health-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("health");
  return { title: t("fleetTitle") };
}

export default function FleetHealth() {
  return <FleetHealthPage />;
}
