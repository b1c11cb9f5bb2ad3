import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RolloutsPage } from "@/components/rollouts/rollouts-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rollouts");
  return { title: t("title") };
}

export default function Rollouts() {
  return <RolloutsPage />;
}
