import { EnvironmentsPanel } from "@/components/institutions/environments-panel";

export default async function InstitutionEnvironmentsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EnvironmentsPanel institutionId={id} />;
}
