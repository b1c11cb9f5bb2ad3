// The institutions list's query as the URL holds it: read by the page on the server (to render the
// first page with its rows) and by the list in the browser (useInstitutionQuery), so both ask the
// API the same question.
import { DEPLOYMENT_MODES, INSTITUTION_SORTS, INSTITUTION_STATUSES, REGULATORY_ROLES } from "@opus/rules/enums";
import { oneOf, PAGE_SIZES } from "@/lib/options";
import type { InstitutionsQuery } from "@/lib/router-types";

export type InstitutionQueryState = Required<Pick<InstitutionsQuery, "sort" | "direction" | "page" | "pageSize">> &
  Pick<InstitutionsQuery, "search" | "status" | "mode" | "role" | "planId">;

const DEFAULTS = { sort: "legalName", direction: "asc", page: 1, pageSize: 25 } as const;

export function parseInstitutionQuery(params: URLSearchParams): InstitutionQueryState {
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

export function serializeInstitutionQuery(state: InstitutionQueryState): string {
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
