"use client";
import { DEPLOYMENT_MODES, INSTITUTION_SORTS, INSTITUTION_STATUSES, REGULATORY_ROLES } from "@opus/rules/enums";
import { useSearchParams } from "next/navigation";
import { oneOf, PAGE_SIZES } from "@/lib/options";
import type { InstitutionsQuery } from "@/lib/router-types";

export type InstitutionQueryState = Required<Pick<InstitutionsQuery, "sort" | "direction" | "page" | "pageSize">> &
  Pick<InstitutionsQuery, "search" | "status" | "mode" | "role" | "planId">;

const DEFAULTS = { sort: "legalName", direction: "asc", page: 1, pageSize: 25 } as const;

function parse(params: URLSearchParams): InstitutionQueryState {
  const pageSize = Number(params.get("pageSize"));
  return {
    search: params.get("q") || undefined,
    status: oneOf(INSTITUTION_STATUSES, params.get("status")),
    mode: oneOf(DEPLOYMENT_MODES, params.get("mode")),
    role: oneOf(REGULATORY_ROLES, params.get("role")),
    planId: params.get("plan")?.slice(0, 64) || undefined,
    sort: oneOf(INSTITUTION_SORTS, params.get("sort")) ?? DEFAULTS.sort,
    direction: params.get("dir") === "desc" ? "desc" : DEFAULTS.direction,
    page: Math.max(1, Math.floor(Number(params.get("page"))) || DEFAULTS.page),
    pageSize: PAGE_SIZES.find((s) => s === pageSize) ?? DEFAULTS.pageSize,
  };
}

function serialize(state: InstitutionQueryState): string {
  const query = new URLSearchParams();
  if (state.search) query.set("q", state.search);
  if (state.status) query.set("status", state.status);
  if (state.mode) query.set("mode", state.mode);
  if (state.role) query.set("role", state.role);
  if (state.planId) query.set("plan", state.planId);
  if (state.sort !== DEFAULTS.sort) query.set("sort", state.sort);
  if (state.direction !== DEFAULTS.direction) query.set("dir", state.direction);
  if (state.page !== DEFAULTS.page) query.set("page", String(state.page));
  if (state.pageSize !== DEFAULTS.pageSize) query.set("pageSize", String(state.pageSize));
  return query.toString();
}

/** The list's search, filters, sort and page live in the URL, so a view can be shared and reloaded. */
export function useInstitutionQuery(): [InstitutionQueryState, (changes: Partial<InstitutionQueryState>) => void] {
  const state = parse(useSearchParams());

  function update(changes: Partial<InstitutionQueryState>) {
    // Read the address bar, not the last render: two quick changes must not undo each other.
    // History's replaceState updates it at once; Next.js keeps useSearchParams in step, and no
    // server round trip is needed for what is a client-side query.
    const current = parse(new URLSearchParams(window.location.search));
    // Anything but a page change starts again from the first page.
    const search = serialize({ ...current, ...changes, page: changes.page ?? 1 });
    window.history.replaceState(null, "", search ? `?${search}` : window.location.pathname);
  }

  return [state, update];
}
