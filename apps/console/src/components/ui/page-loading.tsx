"use client";
import { useTranslations } from "next-intl";
import { Spinner } from "./spinner";

export function PageLoading() {
  const t = useTranslations("common");
  return (
    <div role="status" className="flex min-h-[40vh] items-center justify-center gap-2 text-sm text-slate-500">
      <Spinner className="size-5 text-brand-600" />
      {t("loading")}
    </div>
  );
}
