import { ApiKeysPage } from "@/components/api-keys/api-keys-page";

export default async function InstitutionApiKeysPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ApiKeysPage institutionId={id} />;
}
