import { InstitutionOverview } from "@/components/institutions/institution-overview";

export default async function InstitutionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <InstitutionOverview institutionId={id} />;
}
