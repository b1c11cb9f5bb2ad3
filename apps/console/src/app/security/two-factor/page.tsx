import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TwoFactorEnrolment } from "@/components/auth/two-factor-enrolment";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("twoFactor");
  return { title: t("title") };
}

export default function TwoFactorPage() {
  return <TwoFactorEnrolment />;
}
