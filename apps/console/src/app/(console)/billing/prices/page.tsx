import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PricesPage } from "@/components/pricing/prices-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("planPrices");
  return { title: t("title") };
}

export default function Prices() {
  return <PricesPage />;
}
