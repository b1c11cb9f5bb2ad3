import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReleasesPage } from "@/components/releases/releases-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("releases");
  return { title: t("title") };
}

export default function Releases() {
  return <ReleasesPage />;
}
