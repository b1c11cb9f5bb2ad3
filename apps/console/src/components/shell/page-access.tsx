"use client";
import { usePathname } from "next/navigation";
import { type ReactNode, useContext } from "react";
import { can } from "@/lib/permissions";
import { MeContext } from "./me-context";
import { NotAvailable } from "./not-available";
import { pageRequirement } from "./page-permissions";

/**
 * Shows "not available to you" instead of a page the person's role does not open. It does not wait
 * for the person: until `me.get` answers the page renders and loads as usual (the API refuses it
 * anyway), so pages that are allowed are not slowed down.
 */
export function PageAccess({ children }: { children: ReactNode }) {
  const me = useContext(MeContext)?.me ?? null;
  const requirement = pageRequirement(usePathname());
  if (me && requirement && !can(me, requirement.permission, requirement.institutionId)) return <NotAvailable />;
  return children;
}
