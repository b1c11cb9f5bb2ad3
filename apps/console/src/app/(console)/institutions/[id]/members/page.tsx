import { MembersPage } from "@/components/members/members-page";

export default async function InstitutionMembersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <MembersPage institutionId={id} />;
}
