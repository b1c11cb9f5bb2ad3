import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InvitationAcceptance } from "@/components/invite/invitation-acceptance";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invite");
  return { title: t("title") };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <InvitationAcceptance token={token} />;
}
