import { AuditTrail } from "@/components/audit/audit-trail";

export default async function InstitutionAuditPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <AuditTrail institutionId={id} />;
}
