import { CertificatesPage } from "@/components/certificates/certificates-page";

export default async function InstitutionCertificatesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <CertificatesPage institutionId={id} />;
}
