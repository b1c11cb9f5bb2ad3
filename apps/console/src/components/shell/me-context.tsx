"use client";
import { createContext, use, useContext } from "react";
import type { Me } from "@/lib/router-types";

/** The signed-in person once `me.get` answered, and the promise of that answer until then. */
export type MeState = { me: Me | null; ready: Promise<Me> };

export const MeContext = createContext<MeState | null>(null);

/**
 * The signed-in person, inside the console shell. Until `me.get` has answered, the calling component
 * suspends (its nearest Suspense boundary shows a fallback): parts of a page that do not need the
 * person, such as the institutions table, render at once and load their data in parallel with it.
 */
export function useCurrentMe(): Me {
  const state = useContext(MeContext);
  if (!state) throw new Error("useCurrentMe must be used inside the console shell");
  return state.me ?? use(state.ready);
}
