"use client";
// The notifications page: what the reader was told (incidents, releases, rollout waves), newest
// first, in the language the console shows; unread ones stand out, each can be marked read and
// opens what it is about. An institution's page (its members and Opus staff) or, without an
// institution, Opus operations' own.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import { useUiLocale } from "@/hooks/use-ui-locale";
import type { RouterOutputs } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { EmptyState } from "../ui/empty-state";
import { PageHeader } from "../ui/page-header";
import { PageLoading } from "../ui/page-loading";
import { QueryError } from "../ui/query-error";

type Item = RouterOutputs["health"]["notifications"][number];
type Show = "all" | "unread";

export function NotificationsPage({ institutionId }: { institutionId?: string }) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const locale = useUiLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [show, setShow] = useState<Show>("all");
  const institutionList = useQuery(
    trpc.health.notifications.queryOptions(
      { institutionId: institutionId ?? "", locale },
      { enabled: Boolean(institutionId), refetchInterval: 30_000 },
    ),
  );
  const opsList = useQuery(trpc.health.opsNotifications.queryOptions({ locale }, { enabled: !institutionId, refetchInterval: 30_000 }));
  const list = institutionId ? institutionList : opsList;
  const refresh = () =>
    queryClient.invalidateQueries({
      queryKey: institutionId ? trpc.health.notifications.queryKey() : trpc.health.opsNotifications.queryKey(),
    });
  const markInstitution = useMutation(trpc.health.markNotificationsRead.mutationOptions({ onSuccess: refresh }));
  const markOps = useMutation(trpc.health.markOpsNotificationsRead.mutationOptions({ onSuccess: refresh }));
  const mark = institutionId ? markInstitution : markOps;
  const markRead = (notificationIds: string[]) =>
    institutionId ? markInstitution.mutate({ institutionId, notificationIds }) : markOps.mutate({ notificationIds });

  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <PageLoading />;
  const unread = list.data.filter((n) => n.readAt === null);
  const shown = show === "unread" ? unread : list.data;
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={t("title")}
        description={t(institutionId ? "descriptionInstitution" : "descriptionOpus")}
        actions={
          unread.length > 0 ? (
            <Button pending={mark.isPending} onClick={() => markRead(unread.map((n) => n.id))}>
              {t("markAllRead")}
            </Button>
          ) : null
        }
      />
      {mark.isError ? <Alert tone="error">{errorMessage(mark.error)}</Alert> : null}
      <fieldset className="mb-3 flex gap-2">
        <legend className="sr-only">{t("show")}</legend>
        {(["all", "unread"] as const).map((option) => (
          <Button
            key={option}
            variant={show === option ? "primary" : "secondary"}
            aria-pressed={show === option}
            onClick={() => setShow(option)}
          >
            {option === "all" ? t("all", { count: list.data.length }) : t("unread", { count: unread.length })}
          </Button>
        ))}
      </fieldset>
      {shown.length === 0 ? (
        <EmptyState title={show === "unread" ? t("noneUnread") : t("none")} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="notification-list">
          {shown.map((n) => (
            <NotificationItem
              key={n.id}
              item={n}
              when={format.dateTime(new Date(n.createdAt), "dateTime")}
              onMarkRead={() => markRead([n.id])}
              pending={mark.isPending}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function NotificationItem({ item, when, onMarkRead, pending }: { item: Item; when: string; onMarkRead: () => void; pending: boolean }) {
  const t = useTranslations("notifications");
  const isUnread = item.readAt === null;
  return (
    <li className={`p-4 ${isUnread ? "bg-brand-50/40" : ""}`} data-testid="notification" data-unread={isUnread}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 flex-1">
          <p className={`text-sm ${isUnread ? "font-semibold text-slate-900" : "text-slate-800"}`}>
            {isUnread ? (
              <span className="mr-2 align-middle">
                <Badge tone="progress">{t("unreadBadge")}</Badge>
              </span>
            ) : null}
            {item.subject}
          </p>
          <p className="mt-0.5 text-xs text-slate-600">
            {t(`kinds.${kindKey(item.kind)}`)} · {when}
          </p>
        </div>
        <div className="flex shrink-0 items-center gap-2">
          {item.link ? (
            <Link href={item.link} className="text-sm font-medium text-brand-700 underline hover:text-brand-900">
              {t("open")}
            </Link>
          ) : null}
          {isUnread ? (
            <Button variant="ghost" pending={pending} onClick={onMarkRead} aria-label={t("markReadNamed", { subject: item.subject })}>
              {t("markRead")}
            </Button>
          ) : null}
        </div>
      </div>
      <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{item.body}</p>
    </li>
  );
}

const KIND_KEYS = {
  "health.incident_opened": "health_incident_opened",
  "health.incident_resolved": "health_incident_resolved",
  "release.published": "release_published",
  "rollout.wave_started": "rollout_wave_started",
} as const;
/** The catalogue key of a kind ("other" for one this console does not know yet). */
function kindKey(kind: string) {
  return KIND_KEYS[kind as keyof typeof KIND_KEYS] ?? "other";
}
