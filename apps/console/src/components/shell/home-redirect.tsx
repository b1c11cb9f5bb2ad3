"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useMe } from "@/hooks/use-me";
import { appErrorCode } from "@/lib/app-error";
import { homePath } from "@/lib/home-path";
import { PageLoading } from "../ui/page-loading";
import { QueryError } from "../ui/query-error";
import { NoAccess } from "./no-access";

/** `/`: staff go to the institution list, members to their institution, strangers to sign-in. */
export function HomeRedirect() {
  const router = useRouter();
  const me = useMe();
  const unauthenticated = me.isError && appErrorCode(me.error) === "UNAUTHENTICATED";
  const target = unauthenticated ? "/sign-in" : me.data ? homePath(me.data) : null;
  useEffect(() => {
    if (target) router.replace(target);
  }, [router, target]);

  if (me.isError && !unauthenticated) return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data && !target) return <NoAccess name={me.data.name} />;
  return <PageLoading />;
}
