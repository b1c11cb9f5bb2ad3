"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { TIME_ZONE } from "@/i18n/formats";
import { useTRPC } from "@/lib/trpc";
import { Button } from "../ui/button";
import { QueryError } from "../ui/query-error";
import { AuditTable } from "./audit-table";

const PAGE_SIZE = 50;

/** One institution's trail, or (without an institution) everything, for Opus admins. Newest first. */
export function AuditTrail({ institutionId }: { institutionId?: string }) {
  const t = useTranslations("audit");
  const trpc = useTRPC();
  // Keyset pagination: the cursors of the pages already seen let "Newer" step back.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const options = institutionId
    ? trpc.audit.find.queryOptions({ institutionId, cursor, limit: PAGE_SIZE })
    : trpc.audit.findAll.queryOptions({ cursor, limit: PAGE_SIZE });
  const events = useQuery({ ...options, placeholderData: keepPreviousData });

  if (events.isError) return <QueryError error={events.error} onRetry={() => void events.refetch()} />;
  const nextCursor = events.data?.nextCursor;
  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-500">{t("timeZoneNote", { zone: TIME_ZONE })}</p>
      <AuditTable events={events.data?.items} showInstitution={!institutionId} refreshing={events.isPlaceholderData} />
      <nav aria-label={t("pagination")} className="flex items-center justify-end gap-2">
        <Button disabled={cursors.length <= 1} onClick={() => setCursors((all) => all.slice(0, -1))}>
          {t("newer")}
        </Button>
        <Button disabled={!nextCursor || events.isPlaceholderData} onClick={() => nextCursor && setCursors((all) => [...all, nextCursor])}>
          {t("older")}
        </Button>
      </nav>
    </div>
  );
}
