import { useTranslations } from "next-intl";

export function BrandMark({ inverted = false }: { inverted?: boolean }) {
  const t = useTranslations("app");
  return (
    <span className="flex items-center gap-2">
      <span
        aria-hidden="true"
        className={`grid size-7 place-items-center rounded-md text-sm font-bold ${inverted ? "bg-white text-brand-800" : "bg-brand-700 text-white"}`}
      >
        O
      </span>
      <span className="leading-tight">
        <span className={`block text-sm font-semibold ${inverted ? "text-white" : "text-slate-900"}`}>{t("name")}</span>
        <span className={`block text-[11px] ${inverted ? "text-brand-100" : "text-slate-500"}`}>{t("tagline")}</span>
      </span>
    </span>
  );
}
