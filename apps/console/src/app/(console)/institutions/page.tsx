import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { InstitutionsList } from "@/components/institutions/institutions-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("institutions");
  return { title: t("title") };
}

export default function InstitutionsPage() {
  return (
    <Suspense>
      <InstitutionsList />
    </Suspense>
  );
}
