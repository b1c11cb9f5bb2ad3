"use client";
import { useTranslations } from "next-intl";
import { AuthLayout } from "../auth/auth-layout";
import { SignOutButton } from "./sign-out-button";

export function NoAccess({ name }: { name: string }) {
  const t = useTranslations("noAccess");
  return (
    <AuthLayout title={t("title")} description={t("description", { name })} signedIn>
      <SignOutButton />
    </AuthLayout>
  );
}
