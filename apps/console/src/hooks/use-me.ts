"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";

/** The signed-in person (or an UNAUTHENTICATED error). Not retried: a 401 is an answer. */
export function useMe() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.me.get.queryOptions(), retry: false });
}
