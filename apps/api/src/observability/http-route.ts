// The `http_route` label of a request: a bounded set of values (a route template), never the raw
// URL, or anyone could create a new time series per request by making up paths.
export type RouteLabeller = (url: string) => string;

export function createRouteLabeller(procedures: Iterable<string>, restPaths: Iterable<string>): RouteLabeller {
  const knownProcedures = new Set(procedures);
  const knownRest = new Set(restPaths);
  return (url) => {
    const path = url.split("?")[0] ?? "/";
    if (path === "/healthz" || path === "/readyz") return path;
    if (path.startsWith("/api/auth/")) return "/api/auth";
    if (path.startsWith("/api/trpc/")) {
      const names = path.slice("/api/trpc/".length).split(",");
      if (!names.every((name) => knownProcedures.has(name))) return "/api/trpc/{unknown}";
      // A batch is one request whatever it holds; combinations would multiply the series.
      return names.length === 1 ? `/api/trpc/${names[0]}` : "/api/trpc/{batch}";
    }
    if (path.startsWith("/api/v1/")) return knownRest.has(path) || path === "/api/v1/openapi.json" ? path : "/api/v1/{unknown}";
    return "{unknown}";
  };
}
