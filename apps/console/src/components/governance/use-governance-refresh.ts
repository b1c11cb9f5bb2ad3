"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";

/** After a governance decision: the inbox, the institution and the dashboard all change. */
export function useGovernanceRefresh(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.approvals.pathFilter()),
      queryClient.invalidateQueries(trpc.institutions.pathFilter()),
      queryClient.invalidateQueries(trpc.signups.pathFilter()),
      queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
    ]);
  };
}
