// The outbox: notices written by a process that has no mailer (the rollout worker), in the same
// transaction as the state change they tell of, so a change never commits without its notice nor a
// notice without its change. The API's sender delivers them:
// - claim by compare-and-set (PENDING and due, or SENDING with its lease run out → SENDING with a
//   fresh token), so of any number of senders exactly one holds a notice at a time;
// - the console row is created once, in the transaction that records it on the claimed notice;
// - each address is recorded the moment its mail is accepted, so a retry mails only the others;
// - a failure puts the notice back (PENDING, later) until MAX_ATTEMPTS, then FAILED with the reason.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@opus/db/client";
import { abortableSleep } from "../../lib/abortable-sleep.ts";
import type { Notice } from "./notice-text.ts";
import { emailAudience, type NotifyDeps, notificationData } from "./notify.ts";

export type OutboxDeps = NotifyDeps & { clock: { now(): Date } };

/** Longer than any delivery takes: a sender that died mid-delivery is taken over after it. */
export const NOTICE_LEASE_MS = 5 * 60_000;
export const MAX_ATTEMPTS = 8;
const BATCH = 20;
/** 1, 2, 4 … minutes, at most an hour. */
const backoffMs = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;

/** Inside the caller's transaction; a second write of the same fact (dedupeKey) is a no-op. */
export async function writeNotice(
  tx: Prisma.TransactionClient,
  input: { dedupeKey: string; institutionId: string | null; notice: Notice; link: string | null; now: Date },
) {
  const { count } = await tx.noticeOutbox.createMany({
    data: {
      dedupeKey: input.dedupeKey,
      institutionId: input.institutionId,
      kind: input.notice.kind,
      params: input.notice.params as Prisma.InputJsonValue,
      link: input.link,
      // The writer's clock, not the database's: due at the instant of the change it tells of.
      createdAt: input.now,
      nextAttemptAt: input.now,
    },
    skipDuplicates: true,
  });
  return count;
}

const claimable = (now: Date): Prisma.NoticeOutboxWhereInput => ({
  OR: [
    { status: "PENDING", nextAttemptAt: { lte: now } },
    { status: "SENDING", claimedUntil: { lt: now } },
  ],
});

/** One pass: every notice due now, each delivered by whichever sender claims it. */
export async function deliverDueNotices(deps: OutboxDeps) {
  const now = deps.clock.now();
  const due = await deps.db.noticeOutbox.findMany({
    where: claimable(now),
    orderBy: { createdAt: "asc" },
    take: BATCH,
    select: { id: true },
  });
  const tally = { sent: 0, retrying: 0, failed: 0 };
  for (const { id } of due) {
    const outcome = await deliverNotice(deps, id);
    if (outcome !== "not-claimed") tally[outcome]++;
  }
  return tally;
}

export async function deliverNotice(deps: OutboxDeps, id: string): Promise<"sent" | "retrying" | "failed" | "not-claimed"> {
  const now = deps.clock.now();
  const token = randomUUID();
  const claimed = await deps.db.noticeOutbox.updateMany({
    where: { id, ...claimable(now) },
    data: { status: "SENDING", claimToken: token, claimedUntil: new Date(now.getTime() + NOTICE_LEASE_MS), attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return "not-claimed";
  const notice = await deps.db.noticeOutbox.findUniqueOrThrow({ where: { id } });
  const ours = { id, claimToken: token };

  let notificationId = notice.notificationId;
  if (notificationId === null) {
    notificationId = await deps.db.$transaction(async (tx) => {
      const row = await tx.notification.create({
        data: notificationData({
          institutionId: notice.institutionId,
          notice: { kind: notice.kind, params: notice.params } as Notice,
          link: notice.link,
        }),
      });
      const linked = await tx.noticeOutbox.updateMany({ where: { ...ours, notificationId: null }, data: { notificationId: row.id } });
      // Taken over meanwhile (lease ran out): the other sender's row stands, this one is rolled back.
      if (linked.count === 0) return null;
      return row.id;
    });
    if (notificationId === null) return "not-claimed";
  }
  const row = await deps.db.notification.findUniqueOrThrow({ where: { id: notificationId } });
  const failures = await emailAudience(deps, row);
  await deps.db.notification.update({ where: { id: notificationId }, data: { emailError: failures.length ? failures.join("; ") : null } });

  const after = deps.clock.now();
  if (failures.length === 0) {
    await deps.db.noticeOutbox.updateMany({
      where: ours,
      data: { status: "SENT", sentAt: after, claimToken: null, claimedUntil: null, lastError: null },
    });
    return "sent";
  }
  const last = notice.attempts >= MAX_ATTEMPTS;
  await deps.db.noticeOutbox.updateMany({
    where: ours,
    data: {
      status: last ? "FAILED" : "PENDING",
      nextAttemptAt: new Date(after.getTime() + backoffMs(notice.attempts)),
      claimToken: null,
      claimedUntil: null,
      lastError: failures.join("; "),
    },
  });
  return last ? "failed" : "retrying";
}

/** The API process's loop: a pass every few seconds until the signal aborts. */
export async function runNoticeSender(deps: OutboxDeps, everyMs: number, signal: AbortSignal) {
  while (!signal.aborted) {
    try {
      const tally = await deliverDueNotices(deps);
      if (tally.sent + tally.retrying + tally.failed > 0) deps.log.info(tally, "notices delivered");
    } catch (err) {
      deps.log.error({ err }, "notice delivery pass failed");
    }
    await abortableSleep(everyMs, signal);
  }
}
