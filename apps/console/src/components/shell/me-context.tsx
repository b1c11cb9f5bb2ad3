"use client";
import { createContext, useContext } from "react";
import type { Me } from "@/lib/router-types";

export const MeContext = createContext<Me | null>(null);

/** The signed-in person, inside the console shell (which only renders once it is known). */
export function useCurrentMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error("useCurrentMe must be used inside the console shell");
  return me;
}
