"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import type { ReactNode } from "react";
import { environmentPath } from "./provisioning-paths";

/**
 * A link to an environment's page from any page of its institution (the institution id comes from
 * the route, /institutions/[id]/…), so environment lists link their rows without passing it down.
 */
export function EnvironmentLink({ environmentId, children }: { environmentId: string; children: ReactNode }) {
  const { id } = useParams<{ id: string }>();
  return (
    <Link href={environmentPath(id, environmentId)} className="text-brand-700 underline-offset-2 hover:text-brand-900 hover:underline">
      {children}
    </Link>
  );
}
