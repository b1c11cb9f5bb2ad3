import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApprovalsPage } from "@/components/governance/approvals-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("approvals");
  return { title: t("title") };
}

export default function Approvals() {
  return <ApprovalsPage />;
}
