import type { ReactNode } from "react";
import { InstitutionFrame } from "@/components/institutions/institution-frame";

export default async function InstitutionLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <InstitutionFrame institutionId={id}>{children}</InstitutionFrame>;
}
