"use client";
import { useFormatter, useTranslations } from "next-intl";
import { PAGE_SIZES } from "@/lib/options";
import { Button } from "./button";

type Props = { page: number; pageSize: number; total: number; onChange: (page: number, pageSize: number) => void };

export function Pagination({ page, pageSize, total, onChange }: Props) {
  const t = useTranslations("common.pagination");
  const format = useFormatter();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav aria-label={t("label")} className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p aria-live="polite">{t("range", { from: format.number(from), to: format.number(to), total: format.number(total) })}</p>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-2">
          {t("pageSize")}
          <select
            value={pageSize}
            onChange={(e) => onChange(1, Number(e.target.value))}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <Button onClick={() => onChange(page - 1, pageSize)} disabled={page <= 1}>
          {t("previous")}
        </Button>
        <span>{t("page", { page, pages })}</span>
        <Button onClick={() => onChange(page + 1, pageSize)} disabled={page >= pages}>
          {t("next")}
        </Button>
      </div>
    </nav>
  );
}
