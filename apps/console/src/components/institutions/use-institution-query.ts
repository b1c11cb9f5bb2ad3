"use client";
import { useSearchParams } from "next/navigation";
import { type InstitutionQueryState, parseInstitutionQuery, serializeInstitutionQuery } from "./institution-query";

export type { InstitutionQueryState } from "./institution-query";

/** The list's search, filters, sort and page live in the URL, so a view can be shared and reloaded. */
export function useInstitutionQuery(): [InstitutionQueryState, (changes: Partial<InstitutionQueryState>) => void] {
  const state = parseInstitutionQuery(useSearchParams());

  function update(changes: Partial<InstitutionQueryState>) {
    // Read the address bar, not the last render: two quick changes must not undo each other.
    // History's replaceState updates it at once; Next.js keeps useSearchParams in step, and no
    // server round trip is needed for what is a client-side query.
    const current = parseInstitutionQuery(new URLSearchParams(window.location.search));
    // Anything but a page change starts again from the first page.
    const search = serializeInstitutionQuery({ ...current, ...changes, page: changes.page ?? 1 });
    window.history.replaceState(null, "", search ? `?${search}` : window.location.pathname);
  }

  return [state, update];
}
