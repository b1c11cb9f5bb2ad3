"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect } from "react";
import { useMe } from "@/hooks/use-me";
import { appErrorCode } from "@/lib/app-error";
import { needsTwoFactor, TWO_FACTOR_PATH } from "@/lib/home-path";
import { signInPath } from "@/lib/safe-next-path";
import { PageLoading } from "../ui/page-loading";
import { QueryError } from "../ui/query-error";
import { MeContext } from "./me-context";
import { SideNav } from "./side-nav";
import { TopBar } from "./top-bar";

/** Signed-in pages: the person must be known (else sign-in) and staff must have TOTP (else enrolment). */
export function AppShell({ children }: { children: ReactNode }) {
  const t = useTranslations("shell");
  const router = useRouter();
  const me = useMe();
  const redirect =
    me.isError && appErrorCode(me.error) === "UNAUTHENTICATED" ? "sign-in" : me.data && needsTwoFactor(me.data) ? "two-factor" : null;

  useEffect(() => {
    // Back to the very page (query string included) after signing in.
    if (redirect === "sign-in") router.replace(signInPath(window.location.pathname + window.location.search));
    if (redirect === "two-factor") router.replace(TWO_FACTOR_PATH);
  }, [redirect, router]);

  if (me.isError && !redirect) {
    return (
      <div className="p-8">
        <QueryError error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (!me.data || redirect) return <PageLoading />;

  return (
    <MeContext value={me.data}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skipToContent")}
      </a>
      <div className="flex min-h-screen flex-col">
        <TopBar />
        <div className="flex flex-1">
          <SideNav />
          <main id="main" className="min-w-0 flex-1 px-6 py-5">
            {children}
          </main>
        </div>
      </div>
    </MeContext>
  );
}
