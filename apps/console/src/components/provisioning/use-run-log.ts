"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { isRetryable } from "@/lib/app-error";
import type { RouterOutputs } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { LIVE_POLL_MS } from "./provisioning-types";

export type LogLine = RouterOutputs["environments"]["operationLogs"]["lines"][number];

/** The API's page size for log lines: a full page means more are waiting, so ask again at once. */
const LOG_PAGE = 500;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Tails a run's log by polling with the `afterId` cursor, appending each new page, until the API
 * says the run has ended and every line has been read. A finished run's log loads the same way.
 */
export function useRunLog(institutionId: string, operationId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [lines, setLines] = useState<LogLine[]>([]);
  const [complete, setComplete] = useState(false);
  const [failing, setFailing] = useState(false);

  useEffect(() => {
    let stopped = false;
    let afterId: string | undefined;
    setLines([]);
    setComplete(false);
    setFailing(false);
    async function tail() {
      while (!stopped) {
        let full = false;
        try {
          const input = { institutionId, operationId, ...(afterId ? { afterId } : {}) };
          // Each cursor is asked once: nothing is cached, the lines live in this hook's state.
          const page = await queryClient.fetchQuery({ ...trpc.environments.operationLogs.queryOptions(input), staleTime: 0, gcTime: 0 });
          if (stopped) return;
          setFailing(false);
          if (page.lines.length > 0) setLines((previous) => [...previous, ...page.lines]);
          afterId = page.nextAfterId ?? afterId;
          if (page.complete) {
            setComplete(true);
            return;
          }
          full = page.lines.length >= LOG_PAGE;
        } catch (error) {
          if (stopped) return;
          setFailing(true);
          // A refusal (not found, no access) will not change by asking again: the page says why.
          if (!isRetryable(error)) return;
        }
        if (!full) await pause(LIVE_POLL_MS);
      }
    }
    void tail();
    return () => {
      stopped = true;
    };
  }, [institutionId, operationId, queryClient, trpc]);

  return { lines, complete, failing };
}
