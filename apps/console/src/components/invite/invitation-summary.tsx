"use client";
import { useTranslations } from "next-intl";
import type { InstitutionRole } from "@/lib/router-types";

export function InvitationSummary({ institutionName, email, role }: { institutionName: string; email: string; role: InstitutionRole }) {
  const t = useTranslations();
  return (
    <div className="rounded-md border border-brand-100 bg-brand-50 p-3 text-sm" data-testid="invitation-summary">
      <p className="text-slate-600">{t("invite.youAreInvited")}</p>
      <p className="mt-0.5 text-base font-semibold text-slate-900">{institutionName}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-500">{t("invite.email")}</dt>
        <dd className="font-medium text-slate-900">{email}</dd>
        <dt className="text-slate-500">{t("invite.role")}</dt>
        <dd>
          <span className="font-medium text-slate-900">{t(`enums.institutionRole.${role}`)}</span>
          <span className="block text-xs text-slate-600">{t(`enums.institutionRoleHelp.${role}`)}</span>
        </dd>
      </dl>
    </div>
  );
}
