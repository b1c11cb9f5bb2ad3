"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactNode, Suspense, useEffect, useMemo, useState } from "react";
import { useMe } from "@/hooks/use-me";
import { appErrorCode } from "@/lib/app-error";
import { needsTwoFactor, TWO_FACTOR_PATH } from "@/lib/home-path";
import type { Me } from "@/lib/router-types";
import { signInPath } from "@/lib/safe-next-path";
import { useTRPC } from "@/lib/trpc";
import { PageLoading } from "../ui/page-loading";
import { QueryError } from "../ui/query-error";
import { MeContext } from "./me-context";
import { SideNav } from "./side-nav";
import { TopBar } from "./top-bar";

/**
 * Signed-in pages: the person must be known (else sign-in) and staff must have TOTP (else enrolment).
 * Usually the person comes with the HTML (the layout prefetches `me.get` on the server), and the
 * shell and page render there, with the page's own prefetched data. Otherwise the page does not
 * wait for the person: it renders as soon as the browser has taken over, and only the parts that
 * need the person (navigation, role-dependent controls) wait for `me.get`, so a page's own data
 * loads in parallel with it instead of after it.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const t = useTranslations("shell");
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  // Known at once when the server prefetched the person; otherwise created in the browser only
  // (without the person the server renders no part of the page): the same request as useMe's.
  const [ready, setReady] = useState<Promise<Me> | null>(() => (me.data ? Promise.resolve(me.data) : null));
  useEffect(() => {
    if (ready) return;
    // A failed me.get never resolves this: the shell redirects or shows the error instead of the page.
    setReady(queryClient.ensureQueryData({ ...trpc.me.get.queryOptions(), retry: false }).catch(() => new Promise<never>(() => {})));
  }, [queryClient, trpc, ready]);
  const state = useMemo(() => (ready ? { me: me.data ?? null, ready } : null), [me.data, ready]);
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
  if (!state || redirect) return <PageLoading />;

  return (
    <MeContext value={state}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skipToContent")}
      </a>
      <div className="flex min-h-screen flex-col">
        <Suspense fallback={<div className="h-14 bg-brand-900" />}>
          <TopBar />
        </Suspense>
        <div className="flex flex-1">
          <Suspense fallback={<div className="w-60 shrink-0 border-r border-slate-200 bg-white" />}>
            <SideNav />
          </Suspense>
          <main id="main" className="min-w-0 flex-1 px-6 py-5">
            <Suspense fallback={<PageLoading />}>{children}</Suspense>
          </main>
        </div>
      </div>
    </MeContext>
  );
}
