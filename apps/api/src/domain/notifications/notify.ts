// One notification: a row the console lists, and an e-mail to each of its audience, sent after the
// row is written so a mail server that is down loses nothing (the row says who was not reached).
// The audience of an institution's notification is its admins; of Opus' own (no institution), the
// Opus admins and operators.
import type { Db } from "@opus/db/client";
import type { Mailer } from "../../lib/mailer.ts";
import type { Logger } from "../../logger.ts";

export type NotifyDeps = { db: Db; mailer: Mailer; log: Logger };

export type NotificationInput = {
  /** null: Opus operations. */
  institutionId: string | null;
  kind: "health.incident_opened" | "health.incident_resolved" | "release.published";
  subject: string;
  body: string;
};

async function audienceOf(db: Db, institutionId: string | null): Promise<string[]> {
  const users =
    institutionId === null
      ? await db.user.findMany({ where: { staffRole: { in: ["ADMIN", "OPERATOR"] } }, select: { email: true } })
      : await db.user.findMany({ where: { memberships: { some: { institutionId, role: "ADMIN" } } }, select: { email: true } });
  return users.map((u) => u.email).sort();
}

export async function notify(deps: NotifyDeps, input: NotificationInput) {
  const notification = await deps.db.notification.create({ data: input });
  const emailedTo: string[] = [];
  const failures: string[] = [];
  for (const to of await audienceOf(deps.db, input.institutionId)) {
    try {
      await deps.mailer.send({ to, subject: input.subject, text: input.body });
      emailedTo.push(to);
    } catch (error) {
      failures.push(`${to}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failures.length) deps.log.warn({ notificationId: notification.id, failures: failures.length }, "notification e-mail failed");
  return deps.db.notification.update({
    where: { id: notification.id },
    data: { emailedTo, emailError: failures.length ? failures.join("; ") : null },
  });
}
