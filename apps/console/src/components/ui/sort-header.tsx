"use client";
import { useTranslations } from "next-intl";
import { table } from "./styles";

type Props<S extends string> = {
  label: string;
  field: S;
  sort: S;
  direction: "asc" | "desc";
  onSort: (sort: S, direction: "asc" | "desc") => void;
};

/** A column header that sorts on click; the current order is announced through aria-sort. */
export function SortHeader<S extends string>({ label, field, sort, direction, onSort }: Props<S>) {
  const t = useTranslations("common");
  const active = sort === field;
  const next = active && direction === "asc" ? "desc" : "asc";
  return (
    <th scope="col" className={table.th} aria-sort={active ? (direction === "asc" ? "ascending" : "descending") : "none"}>
      <button type="button" onClick={() => onSort(field, next)} className="inline-flex items-center gap-1 uppercase hover:text-slate-900">
        {label}
        <span aria-hidden="true" className={active ? "text-brand-700" : "text-slate-300"}>
          {active && direction === "desc" ? "▼" : "▲"}
        </span>
        <span className="sr-only">{t(next === "asc" ? "sortAscending" : "sortDescending")}</span>
      </button>
    </th>
  );
}
