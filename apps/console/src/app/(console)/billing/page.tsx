import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BillingPage } from "@/components/billing/billing-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billing");
  return { title: t("title") };
}

export default function Billing() {
  return <BillingPage />;
}
