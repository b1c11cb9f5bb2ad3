"use client";
import { EngineError } from "./engine-error";

type Failure = { error: string | null; failureHidden: boolean };

/**
 * Why a run failed, for whoever reads it: Opus staff get the engine's error word for word (they
 * act on it); a customer, to whom the API does not send it, gets what Opus does about it.
 */
export function FailureDetail({ run, customerText, className }: { run: Failure; customerText: string; className?: string }) {
  if (run.error) return <EngineError text={run.error} />;
  if (run.failureHidden) return <p className={className ?? "text-sm"}>{customerText}</p>;
  return null;
}
