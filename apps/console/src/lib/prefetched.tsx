// Server components: render `children` with some queries already in the browser's cache. The
// queries run on the console server while the page renders (server-trpc.ts); only what succeeded
// is handed over, so a failure (signed out, no permission, API down) leaves the component to ask
// in the browser exactly as it would without this, and shows the same errors and redirects.
import { dehydrate, HydrationBoundary, hashKey, type QueryKey } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { serverTrpc } from "./server-trpc";

type Trpc = Awaited<ReturnType<typeof serverTrpc>>["trpc"];
type Prefetchable = { queryKey: QueryKey };

/** Past this, the page is sent without the data and the browser asks for it (a slow API must not hold the page). */
const PREFETCH_WAIT_MS = 1_500;

export async function Prefetched({ queries, children }: { queries: (trpc: Trpc) => Prefetchable[]; children: ReactNode }) {
  const { queryClient, trpc } = await serverTrpc();
  const options = queries(trpc);
  const fetched = Promise.all(options.map((o) => queryClient.prefetchQuery({ ...o, retry: false })));
  await Promise.race([fetched, new Promise((resolve) => setTimeout(resolve, PREFETCH_WAIT_MS))]);
  const hashes = new Set(options.map((o) => hashKey(o.queryKey)));
  const state = dehydrate(queryClient, {
    shouldDehydrateQuery: (query) => hashes.has(query.queryHash) && query.state.status === "success",
  });
  return <HydrationBoundary state={state}>{children}</HydrationBoundary>;
}
