"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { ExpiryBanner } from "../certificates/expiry-banner";
import { useCurrentMe } from "../shell/me-context";
import { PageLoading } from "../ui/page-loading";
import { QueryError } from "../ui/query-error";
import { ContactsCard } from "./contacts-card";
import { DeploymentCard } from "./deployment-card";
import { EnvironmentsTable } from "./environments-table";
import { IdentityCard } from "./identity-card";
import { PlanCard } from "./plan-card";
import { SetupFailedBanner } from "./setup-failed-banner";
import { StaffActions } from "./staff-actions";
import { StatusPanel } from "./status-panel";

export function InstitutionOverview({ institutionId }: { institutionId: string }) {
  const trpc = useTRPC();
  const me = useCurrentMe();
  const institution = useQuery(trpc.institutions.get.queryOptions({ institutionId }));
  if (institution.isError) return <QueryError error={institution.error} onRetry={() => void institution.refetch()} />;
  if (!institution.data) return <PageLoading />;
  const data = institution.data;
  return (
    <div className="space-y-4">
      {me.staffRole ? <SetupFailedBanner institution={data} /> : <StatusPanel institution={data} />}
      <ExpiryBanner institutionId={institutionId} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          {me.staffRole ? <StaffActions institution={data} /> : null}
          <IdentityCard institution={data} />
          <EnvironmentsTable environments={data.environments} />
        </div>
        <div className="space-y-4">
          <DeploymentCard institution={data} />
          <PlanCard institution={data} />
          <ContactsCard contacts={data.contacts} />
        </div>
      </div>
    </div>
  );
}
