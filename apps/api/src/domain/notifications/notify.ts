// One notification: a row the console lists, and an e-mail to each of its audience in the
// recipient's saved language, sent after the row is written so a mail server that is down loses
// nothing (the row says who was reached and why the others were not). Each address is recorded as
// soon as its mail is accepted, so a retry (notice-outbox.ts) skips whoever already has it.
// The audience of an institution's notification is its admins; of Opus' own (no institution), the
// Opus admins and operators.
import type { Db, Prisma } from "@opus/db/client";
import type { Mailer } from "../../lib/mailer.ts";
import type { Logger } from "../../logger.ts";
import { type Notice, noticeLocaleOf, renderNotice, renderStored } from "./notice-text.ts";

export type NotifyDeps = { db: Db; mailer: Mailer; log: Logger; publicUrl: string };

export type NotificationInput = {
  /** null: Opus operations. */
  institutionId: string | null;
  notice: Notice;
  /** The console path it is about. */
  link: string | null;
};

type Recipient = { email: string; locale: string | null };

async function audienceOf(db: Db, institutionId: string | null): Promise<Recipient[]> {
  const select = { email: true, locale: true } as const;
  const users =
    institutionId === null
      ? await db.user.findMany({ where: { staffRole: { in: ["ADMIN", "OPERATOR"] } }, select })
      : await db.user.findMany({ where: { memberships: { some: { institutionId, role: "ADMIN" } } }, select });
  return users.sort((a, b) => a.email.localeCompare(b.email));
}

/** The row's columns for a notice: its facts, and the English text for readers of old rows and logs. */
export function notificationData(input: NotificationInput) {
  return {
    institutionId: input.institutionId,
    kind: input.notice.kind,
    params: input.notice.params as Prisma.InputJsonValue,
    link: input.link,
    ...renderNotice(input.notice, "en"),
  };
}

type StoredNotification = {
  id: string;
  institutionId: string | null;
  kind: string;
  params: unknown;
  subject: string;
  body: string;
  link: string | null;
  emailedTo: string[];
};

/** E-mails everyone in the audience not yet in emailedTo; returns the failures ("address: reason"). */
export async function emailAudience(deps: NotifyDeps, row: StoredNotification): Promise<string[]> {
  const failures: string[] = [];
  const url = row.link ? `\n\n${deps.publicUrl.replace(/\/$/, "")}${row.link}` : "";
  for (const to of await audienceOf(deps.db, row.institutionId)) {
    if (row.emailedTo.includes(to.email)) continue;
    const { subject, body } = renderStored(row, noticeLocaleOf(to.locale));
    try {
      await deps.mailer.send({ to: to.email, subject, text: body + url });
    } catch (error) {
      failures.push(`${to.email}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    await deps.db.notification.update({ where: { id: row.id }, data: { emailedTo: { push: to.email } } });
  }
  if (failures.length) deps.log.warn({ notificationId: row.id, failures: failures.length }, "notification e-mail failed");
  return failures;
}

export async function notify(deps: NotifyDeps, input: NotificationInput) {
  const notification = await deps.db.notification.create({ data: notificationData(input) });
  const failures = await emailAudience(deps, notification);
  return deps.db.notification.update({
    where: { id: notification.id },
    data: { emailError: failures.length ? failures.join("; ") : null },
  });
}
