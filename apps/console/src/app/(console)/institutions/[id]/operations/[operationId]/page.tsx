import { RunPage } from "@/components/provisioning/run-page";

export default async function InstitutionOperationPage({ params }: { params: Promise<{ id: string; operationId: string }> }) {
  const { id, operationId } = await params;
  return <RunPage institutionId={id} operationId={operationId} />;
}
