import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RolloutDetail } from "@/components/rollouts/rollout-detail";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rollouts");
  return { title: t("title") };
}

export default async function Rollout({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <RolloutDetail rolloutId={id} />;
}
