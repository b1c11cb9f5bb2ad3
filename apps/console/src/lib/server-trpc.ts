// The console server's own calls to the API, made while it renders a page, so the HTML arrives
// with the page's first data (the signed-in person, the first page of a list) instead of the
// browser asking for it after hydration. One QueryClient per request; what it fetched is handed to
// the browser's cache with <HydrationBoundary> (see prefetched.tsx), under the same query keys the
// components use, so they render it at once and do not ask again.
import type { AppRouter } from "@opus/api/router";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache } from "react";
import superjson from "superjson";
import { createQueryClient } from "./query-client";
import { builtApiOrigin } from "./server-env";

/** Tells the API that this request cannot pass a refreshed session cookie on to the browser. */
export const SERVER_RENDER_HEADER = "x-opus-server-render";

export const serverTrpc = cache(async () => {
  const incoming = await headers();
  const forwarded: Record<string, string> = { [SERVER_RENDER_HEADER]: "1" };
  for (const name of ["cookie", "user-agent", "accept-language"]) {
    const value = incoming.get(name);
    if (value) forwarded[name] = value;
  }
  const queryClient = createQueryClient();
  const client = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${builtApiOrigin()}/api/trpc`, transformer: superjson, headers: () => forwarded })],
  });
  return { queryClient, trpc: createTRPCOptionsProxy<AppRouter>({ client, queryClient }) };
});
