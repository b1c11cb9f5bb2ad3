import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PlansPage } from "@/components/plans/plans-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("plans");
  return { title: t("title") };
}

export default function Plans() {
  return <PlansPage />;
}
