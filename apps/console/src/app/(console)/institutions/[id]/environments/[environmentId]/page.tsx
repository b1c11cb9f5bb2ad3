import { EnvironmentPage } from "@/components/provisioning/environment-page";

export default async function InstitutionEnvironmentPage({ params }: { params: Promise<{ id: string; environmentId: string }> }) {
  const { id, environmentId } = await params;
  return <EnvironmentPage institutionId={id} environmentId={environmentId} />;
}
