"use client";
// What people were told about health incidents (and, for self-managed institutions, releases to
// take): the same text as the e-mail, newest first.
import { useFormatter, useTranslations } from "next-intl";
import type { RouterOutputs } from "@/lib/router-types";
import { Card } from "../ui/card";

type Item = RouterOutputs["health"]["notifications"][number];

export function NotificationsCard({ items }: { items: Item[] }) {
  const t = useTranslations("health.notifications");
  const format = useFormatter();
  return (
    <Card title={t("title")}>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="notifications">
          {items.map((n) => (
            <li key={n.id} className="py-2">
              <details>
                <summary className="cursor-pointer text-sm">
                  <span className="font-medium text-slate-800">{n.subject}</span>{" "}
                  <span className="text-xs text-slate-500">{format.dateTime(new Date(n.createdAt), "dateTime")}</span>
                </summary>
                <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{n.body}</p>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
