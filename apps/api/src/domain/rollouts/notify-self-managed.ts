// A starting wave's self-managed installations: Opus does not upgrade them, it tells their admins
// (console and e-mail, through the outbox: the worker has no mailer) and then follows their
// heartbeats. All in the orchestrator's transaction, so the wave never starts without its notices.
import type { Prisma } from "@opus/db/client";
import { writeNotice } from "../notifications/notice-outbox.ts";

type Tx = Prisma.TransactionClient;
type StartingRollout = { id: string; name: string; releaseVersion: string };

/** Marks the wave's self-managed targets notified, ends earlier rollouts' wait for them, writes the notices; returns the moves. */
export async function notifySelfManaged(tx: Tx, rollout: StartingRollout, wave: { id: string; name: string }, now: Date) {
  const { count } = await tx.rolloutTarget.updateMany({
    where: { waveId: wave.id, selfManaged: true, status: "WAITING" },
    data: {
      status: "NOTIFIED",
      startedAt: now,
      reason: "its admins were notified; waiting for its heartbeat to report the release",
    },
  });
  const superseded = await supersedeNotified(tx, rollout, wave.id, now);
  await writeWaveNotices(tx, rollout, wave, now);
  return count + superseded;
}

/**
 * An installation notified by an earlier rollout that never reported that release is now asked for
 * this one: the earlier target stops being followed (skipped, saying by which rollout), so a
 * finished rollout is not stepped forever for a version its installation went past. A
 * compare-and-set on NOTIFIED: a heartbeat that counted it meanwhile wins.
 */
async function supersedeNotified(tx: Tx, rollout: StartingRollout, waveId: string, now: Date) {
  const { count } = await tx.rolloutTarget.updateMany({
    where: {
      status: "NOTIFIED",
      rolloutId: { not: rollout.id },
      environment: { rolloutTargets: { some: { waveId, status: "NOTIFIED" } } },
    },
    data: { status: "SKIPPED", finishedAt: now, reason: `superseded by the rollout "${rollout.name}" to ${rollout.releaseVersion}` },
  });
  return count;
}

/**
 * The self-managed admins' notice, one per institution in the wave, in the outbox in this same
 * transaction: the wave never starts without it, and the API's sender e-mails it (the worker has
 * no mailer).
 */
async function writeWaveNotices(tx: Tx, rollout: { name: string; releaseVersion: string }, wave: { id: string; name: string }, now: Date) {
  const targets = await tx.rolloutTarget.findMany({
    where: { waveId: wave.id, selfManaged: true, status: "NOTIFIED" },
    select: { institutionId: true, environment: { select: { kind: true, releaseVersion: true } } },
    orderBy: { position: "asc" },
  });
  const byInstitution = new Map<string, { kind: string; releaseVersion: string | null }[]>();
  for (const t of targets) byInstitution.set(t.institutionId, [...(byInstitution.get(t.institutionId) ?? []), t.environment]);
  for (const [institutionId, environments] of byInstitution) {
    await writeNotice(tx, {
      dedupeKey: `rollout.wave_started:${wave.id}:${institutionId}`,
      institutionId,
      now,
      link: `/institutions/${institutionId}/environments`,
      notice: {
        kind: "rollout.wave_started",
        params: { version: rollout.releaseVersion, rolloutName: rollout.name, waveName: wave.name, environments },
      },
    });
  }
}
