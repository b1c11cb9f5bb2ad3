"use client";
import { useTranslations } from "next-intl";
import { BrandMark } from "./brand-mark";
import { LanguageSwitch } from "./language-switch";
import { useCurrentMe } from "./me-context";
import { SignOutButton } from "./sign-out-button";

export function TopBar() {
  const t = useTranslations();
  const me = useCurrentMe();
  const first = me.memberships[0];
  const role = me.staffRole
    ? t(`enums.staffRole.${me.staffRole}`)
    : first
      ? t("shell.memberRole", { role: t(`enums.institutionRole.${first.role}`), institution: first.institution.legalName })
      : null;
  return (
    <header className="flex h-14 items-center justify-between gap-4 bg-brand-900 px-5 text-white">
      <BrandMark inverted />
      <div className="flex items-center gap-4">
        <div className="text-right leading-tight" data-testid="current-person">
          <p className="text-sm font-medium">{me.name}</p>
          {role ? <p className="text-xs text-brand-100">{role}</p> : null}
        </div>
        <LanguageSwitch signedIn tone="dark" />
        <SignOutButton variant="inverted" />
      </div>
    </header>
  );
}
