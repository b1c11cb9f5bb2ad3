import { UsagePage } from "@/components/usage/usage-page";

export default async function InstitutionUsagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <UsagePage institutionId={id} />;
}
