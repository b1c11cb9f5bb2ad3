"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { can } from "@/lib/permissions";
import { useTRPC } from "@/lib/trpc";
import { useCurrentMe } from "../shell/me-context";
import { QueryError } from "../ui/query-error";
import { InvitationsTable } from "./invitations-table";
import { InviteForm } from "./invite-form";
import { MembersTable } from "./members-table";

export function MembersPage({ institutionId }: { institutionId: string }) {
  const t = useTranslations("members");
  const trpc = useTRPC();
  const me = useCurrentMe();
  const manage = can(me, "members.manage", institutionId);
  const members = useQuery(trpc.members.find.queryOptions({ institutionId }));

  return (
    <div className="space-y-6">
      {manage ? <InviteForm institutionId={institutionId} /> : null}
      <section aria-labelledby="members-heading" className="space-y-2">
        <h2 id="members-heading" className="text-base font-semibold text-slate-900">
          {t("title")}
        </h2>
        {members.isError ? (
          <QueryError error={members.error} onRetry={() => void members.refetch()} />
        ) : (
          <MembersTable institutionId={institutionId} members={members.data?.members} manage={manage} currentUserId={me.id} />
        )}
      </section>
      {members.data ? (
        <section aria-labelledby="invitations-heading" className="space-y-2">
          <h2 id="invitations-heading" className="text-base font-semibold text-slate-900">
            {t("invitations.title")}
          </h2>
          <InvitationsTable institutionId={institutionId} invitations={members.data.invitations} manage={manage} />
        </section>
      ) : null}
    </div>
  );
}
