import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MetersPage } from "@/components/pricing/meters-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meterCatalogue");
  return { title: t("title") };
}

export default function Meters() {
  return <MetersPage />;
}
