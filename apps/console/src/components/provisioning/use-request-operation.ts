"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { useTRPC } from "@/lib/trpc";
import { runPath } from "./provisioning-paths";
import { useProvisioningRefresh } from "./use-provisioning-refresh";

export type RequestKind = "preview" | "deploy" | "refresh" | "destroy";

/**
 * Queues one operation and opens its run page. One idempotency key per intent: a double click (or
 * a retry after a lost answer) sends the same key, so the API queues one operation; the key is
 * dropped once the API has answered with the operation.
 */
export function useRequestOperation(institutionId: string, environmentId: string, kind: RequestKind) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = useProvisioningRefresh(institutionId);
  const key = useRef<string | null>(null);
  const mutation = useMutation(
    trpc.environments[kind].mutationOptions({
      onSuccess: (result) => {
        key.current = null;
        void refresh();
        router.push(runPath(institutionId, result.operation.id));
      },
    }),
  );
  function request() {
    key.current ??= crypto.randomUUID();
    mutation.mutate({ institutionId, environmentId, idempotencyKey: key.current });
  }
  return { request, isPending: mutation.isPending || mutation.isSuccess, error: mutation.error, reset: mutation.reset };
}
