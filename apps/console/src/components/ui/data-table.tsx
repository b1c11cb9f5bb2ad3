"use client";
import { Fragment, type ReactNode } from "react";
import { LoadingRows } from "./loading-rows";
import { table } from "./styles";

/** A column: its label (screen-reader only when `srOnly`), or a whole custom header cell (sorting). */
export type DataColumn = { key: string; label: ReactNode; srOnly?: boolean; align?: "right"; header?: ReactNode };

type Props<T> = {
  /** Names the table and its scroll area for assistive technology. */
  caption: string;
  /** `false` / `null` entries are left out, for columns some people do not get. */
  columns: readonly (DataColumn | false | null)[];
  rows: readonly T[] | undefined;
  renderRow: (row: T) => ReactNode;
  /** Shown instead of the table once it is known to have no rows. */
  empty: ReactNode;
  /** Placeholder rows while `rows` is undefined (or `loading`). */
  loading?: boolean;
  loadingRows?: number;
  /** Dimmed while a new page of rows is on its way. */
  refreshing?: boolean;
  testId?: string;
  /** Below this width the table scrolls inside its card instead of squeezing its columns. */
  minWidth?: "sm" | "md" | "lg";
  /** "inset" for a table that fills a Card's body edge to edge (the card is its frame). */
  frame?: "card" | "inset";
  /** Rows that sum up the table (a statement's total), kept apart in a <tfoot>. */
  footer?: ReactNode;
};

const MIN_WIDTH = { sm: "min-w-[28rem]", md: "min-w-[40rem]", lg: "min-w-[56rem]" } as const;

/**
 * The console's one table: a card that scrolls sideways inside itself when the table is wider than
 * the screen (keyboard-scrollable, as a named region), a header row, loading rows, and an empty
 * state instead of an empty grid. Rows are the caller's (`<tr>` elements with `table.td` cells).
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  renderRow,
  empty,
  loading = false,
  loadingRows = 3,
  refreshing = false,
  testId,
  minWidth = "md",
  frame = "card",
  footer,
}: Props<T>) {
  const shown = columns.filter((column): column is DataColumn => Boolean(column));
  if (rows && rows.length === 0 && !loading) return <>{empty}</>;
  return (
    // `relative`: screen-reader-only text in the header is positioned absolutely; without a positioned
    // scroll container it would escape it and widen the page.
    // biome-ignore lint/a11y/useSemanticElements: a named group, not a fieldset or a landmark (the cards around tables are the page's regions).
    <div
      role="group"
      aria-label={caption}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable area must be reachable by keyboard to be scrolled (WCAG 2.1.1).
      tabIndex={0}
      aria-busy={loading || refreshing || !rows || undefined}
      className={`relative ${frame === "card" ? table.wrapper : "-m-4 overflow-x-auto"} transition-opacity focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none ${refreshing ? "opacity-60" : ""}`}
    >
      <table className={`${table.table} ${MIN_WIDTH[minWidth]}`} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {shown.map((column) =>
              column.header ? (
                <Fragment key={column.key}>{column.header}</Fragment>
              ) : (
                <th key={column.key} scope="col" className={`${table.th} ${column.align === "right" ? "text-right" : ""}`}>
                  {column.srOnly ? <span className="sr-only">{column.label}</span> : column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {loading || !rows ? <LoadingRows columns={shown.length} rows={loadingRows} /> : rows.map(renderRow)}
        </tbody>
        {footer && rows && !loading ? <tfoot>{footer}</tfoot> : null}
      </table>
    </div>
  );
}
