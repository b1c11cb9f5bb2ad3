import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { VersionMatrixPage } from "@/components/releases/version-matrix-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("versions");
  return { title: t("title") };
}

export default function Versions() {
  return <VersionMatrixPage />;
}
