"use client";
import { useQuery } from "@tanstack/react-query";
import type { ApiFamily } from "./router-types";
import { useTRPC } from "./trpc";

const PHASES = [1, 2, 3, 4] as const;

/** The Open Finance API families by phase, as the API defines them (one list, served by wizardOptions). */
export function useApiFamilyPhases(): { phase: (typeof PHASES)[number]; families: readonly ApiFamily[] }[] {
  const trpc = useTRPC();
  const byPhase = useQuery(trpc.institutions.wizardOptions.queryOptions()).data?.apiFamilies;
  return byPhase ? PHASES.map((phase) => ({ phase, families: byPhase[phase] })) : [];
}
