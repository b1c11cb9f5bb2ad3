import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignupsPage } from "@/components/signups/signups-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signups");
  return { title: t("title") };
}

export default function Signups() {
  return <SignupsPage />;
}
