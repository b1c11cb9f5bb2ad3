import { NotificationsPage } from "@/components/notifications/notifications-page";

export default async function InstitutionNotificationsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <NotificationsPage institutionId={id} />;
}
