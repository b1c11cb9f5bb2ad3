"use client";
import { useTranslations } from "next-intl";
import { BrandMark } from "./brand-mark";
import { LanguageSwitch } from "./language-switch";
import { useCurrentMe } from "./me-context";
import { SIDE_NAV_ID } from "./side-nav";
import { SignOutButton } from "./sign-out-button";

export function TopBar({ menuOpen, onMenu }: { menuOpen: boolean; onMenu: () => void }) {
  const t = useTranslations();
  const me = useCurrentMe();
  const first = me.memberships[0];
  const role = me.staffRole
    ? t(`enums.staffRole.${me.staffRole}`)
    : first
      ? t("shell.memberRole", { role: t(`enums.institutionRole.${first.role}`), institution: first.institution.legalName })
      : null;
  return (
    <header className="relative flex h-14 items-center justify-between gap-3 bg-brand-900 px-3 text-white sm:px-5">
      <div className="flex min-w-0 items-center gap-2">
        <button
          type="button"
          onClick={onMenu}
          aria-expanded={menuOpen}
          aria-controls={SIDE_NAV_ID}
          className="rounded-md px-2 py-1.5 text-sm font-medium text-white ring-1 ring-white/30 hover:bg-white/10 lg:hidden"
        >
          <span aria-hidden="true">☰ </span>
          {t("shell.menu")}
        </button>
        <BrandMark inverted compact />
      </div>
      <div className="flex min-w-0 items-center gap-2 sm:gap-4">
        <div className="hidden min-w-0 text-right leading-tight md:block" data-testid="current-person">
          <p className="truncate text-sm font-medium">{me.name}</p>
          {/* A long institution name is cut here; the whole of it is in the title and the navigation. */}
          {role ? (
            <p className="max-w-72 truncate text-xs text-brand-100" title={role}>
              {role}
            </p>
          ) : null}
        </div>
        <LanguageSwitch signedIn tone="dark" />
        <SignOutButton variant="inverted" />
      </div>
    </header>
  );
}
