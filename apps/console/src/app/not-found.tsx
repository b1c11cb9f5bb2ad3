import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthLayout } from "@/components/auth/auth-layout";
import { buttonBase, buttonVariants } from "@/components/ui/styles";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <AuthLayout title={t("title")} description={t("description")}>
      <Link href="/" className={`${buttonBase} ${buttonVariants.primary}`}>
        {t("home")}
      </Link>
    </AuthLayout>
  );
}
