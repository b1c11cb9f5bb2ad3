"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";

/**
 * Reloads what a run changes: the environments and their runs, and the institution (whose status
 * follows its environments, and whose header every institution page shows).
 */
export function useProvisioningRefresh(institutionId: string): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.environments.find.queryKey({ institutionId }) }),
      queryClient.invalidateQueries(trpc.environments.findOperations.pathFilter()),
      queryClient.invalidateQueries(trpc.environments.getOperation.pathFilter()),
      queryClient.invalidateQueries({ queryKey: trpc.institutions.get.queryKey({ institutionId }) }),
    ]);
  };
}
