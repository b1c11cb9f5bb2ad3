import { EnvironmentHealthPage } from "@/components/health/environment-health-page";

export default async function InstitutionHealthPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ environment?: string | string[] }>;
}) {
  const { id } = await params;
  const { environment } = await searchParams;
  return <EnvironmentHealthPage institutionId={id} environmentId={typeof environment === "string" ? environment : undefined} />;
}
