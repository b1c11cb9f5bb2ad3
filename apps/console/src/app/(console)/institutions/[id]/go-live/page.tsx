import { GoLivePage } from "@/components/go-live/go-live-page";

export default async function InstitutionGoLivePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <GoLivePage institutionId={id} />;
}
