import { useTranslations } from "next-intl";

/** `compact`: the name only from the sm breakpoint up (phones keep the mark, for room in the top bar). */
export function BrandMark({ inverted = false, compact = false }: { inverted?: boolean; compact?: boolean }) {
  const t = useTranslations("app");
  return (
    <span className="flex items-center gap-2">
      <span
        aria-hidden="true"
        className={`grid size-7 place-items-center rounded-md text-sm font-bold ${inverted ? "bg-white text-brand-800" : "bg-brand-700 text-white"}`}
      >
        O
      </span>
      {compact ? <span className="sr-only sm:hidden">{t("name")}</span> : null}
      <span className={`leading-tight ${compact ? "hidden sm:block" : ""}`}>
        <span className={`block text-sm font-semibold ${inverted ? "text-white" : "text-slate-900"}`}>{t("name")}</span>
        <span className={`block text-[11px] ${inverted ? "text-brand-100" : "text-slate-500"}`}>{t("tagline")}</span>
      </span>
    </span>
  );
}
