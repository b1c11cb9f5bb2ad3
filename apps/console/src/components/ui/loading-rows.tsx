"use client";
import { useTranslations } from "next-intl";
import { table } from "./styles";

/** Placeholder rows while a table loads, so the layout does not jump. */
export function LoadingRows({ columns, rows = 4 }: { columns: number; rows?: number }) {
  const t = useTranslations("common");
  return (
    <>
      {Array.from({ length: rows }, (_, row) => (
        <tr key={row} aria-hidden={row > 0 || undefined}>
          {Array.from({ length: columns }, (_, col) => (
            <td key={col} className={table.td}>
              {row === 0 && col === 0 ? <span className="sr-only">{t("loading")}</span> : null}
              <div className="h-3.5 animate-pulse rounded bg-slate-200/80" />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}
