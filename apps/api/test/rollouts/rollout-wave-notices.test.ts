// A rollout wave that reaches self-managed installations tells their admins: the worker writes the
// notice to the outbox in the wave's own transaction, and the API's sender delivers it exactly once
// per notice (concurrent senders, a refused mailbox retried later, nobody mailed twice), in each
// admin's saved language, through a real SMTP conversation.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueNotices } from "../../src/domain/notifications/notice-outbox.ts";
import { advanceRollout, advanceRollouts } from "../../src/domain/rollouts/advance-rollout.ts";
import { callerFor } from "../support/callers.ts";
import { startTestServer } from "../support/http-client.ts";
import { makeRelease } from "../support/release-fixtures.ts";
import { type ReceivedMail, startSmtpSink } from "../support/smtp-sink.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { createFleet } from "./support/fleet.ts";
import { createHarness, rolloutStatus } from "./support/rollout-harness.ts";

let services: TestServices;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let target: { id: string; version: string };
let institutionIds: string[];
const admins: { email: string; locale: string | null }[] = [];
beforeAll(async () => {
  smtp = await startSmtpSink();
  services = await createTestServices({ smtpUrl: smtp.url });
  server = await startTestServer(services);
  await makeRelease(services.db, "AVAILABLE", "5.0.0");
  target = await makeRelease(services.db, "AVAILABLE", "5.1.0");
  ({ institutionIds } = await createFleet(services.db, { tenants: 2, mode: "SELF_MANAGED", kinds: ["DEVELOPMENT"], release: "5.0.0" }));
  // Each institution: one admin who saved Portuguese, one who saved English; the first also a viewer (not told).
  for (const [i, institutionId] of institutionIds.entries()) {
    for (const [locale, role] of [
      ["pt-BR", "ADMIN"],
      ["en", "ADMIN"],
      [null, "VIEWER"],
    ] as const) {
      const email = `${role.toLowerCase()}-${locale ?? "none"}-${i}@sm${i}.example`;
      const user = await services.db.user.create({ data: { id: randomUUID(), email, name: email, emailVerified: true, locale } });
      await services.db.membership.create({ data: { userId: user.id, institutionId, role } });
      if (role === "ADMIN") admins.push({ email, locale });
    }
  }
});
afterAll(async () => {
  await server.close();
  await services.cleanup();
  await smtp.close();
});

/** The decoded subject and body of a received message (nodemailer encodes non-ASCII text). */
function decode(mail: ReceivedMail) {
  const qp = (s: string) =>
    Buffer.from(
      s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16))),
      "latin1",
    ).toString("utf8");
  const [head = "", ...rest] = mail.data.split("\r\n\r\n");
  const rawSubject = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(head)?.[1] ?? "";
  const subject = rawSubject.replace(/\r\n[ \t]/g, " ").replace(/=\?UTF-8\?Q\?(.*?)\?=\s?/gi, (_, w: string) => qp(w.replace(/_/g, " ")));
  return { subject, body: qp(rest.join("\r\n\r\n")) };
}
const mailsTo = (email: string) => smtp.received.filter((m) => m.to.some((to) => to.includes(email))).map(decode);

async function startedWave() {
  const harness = createHarness(services, new Date("2026-12-03T15:00:00Z"));
  const api = await callerFor(services, "admin@opus.example");
  const created = await api.rollouts.create({
    name: "Dezembro",
    releaseId: target.id,
    selection: { institutionIds },
    waves: [{ name: "Self-managed dev", kinds: ["DEVELOPMENT"], maxConcurrency: { count: 5 }, soakMinutes: 0, failureThreshold: 1 }],
  } as never);
  await api.rollouts.start({ rolloutId: created.id, planHash: created.planHash });
  return { harness, rolloutId: created.id };
}

describe("rollout wave notices to self-managed admins", () => {
  it("are written with the wave's start, delivered once by concurrent senders, each in the admin's language, retried when refused", async () => {
    const { harness, rolloutId } = await startedWave();
    // Before the wave starts nothing is queued.
    expect(await services.db.noticeOutbox.count()).toBe(0);
    await advanceRollout(harness.orchestrator, rolloutId);
    const targets = await services.db.rolloutTarget.findMany({ where: { rolloutId } });
    expect(targets.every((t) => t.status === "NOTIFIED")).toBe(true);
    const queued = await services.db.noticeOutbox.findMany({ orderBy: { institutionId: "asc" } });
    expect(queued.map((n) => [n.institutionId, n.status])).toEqual([...institutionIds].sort().map((id) => [id, "PENDING"]));
    // The worker sends nothing itself: no console row, no mail yet.
    expect(await services.db.notification.count({ where: { kind: "rollout.wave_started" } })).toBe(0);
    expect(smtp.received).toHaveLength(0);
    // Another step (or another worker) writes no second notice for the same wave.
    await advanceRollout(harness.orchestrator, rolloutId);
    expect(await services.db.noticeOutbox.count()).toBe(2);

    // One mailbox is down: its admin is skipped this time, everyone else gets the mail.
    const [ptAdmin, enAdmin, , downAdmin] = admins as [(typeof admins)[0], (typeof admins)[0], (typeof admins)[0], (typeof admins)[0]];
    smtp.refusing.add(downAdmin.email);
    // Six senders at once (API replicas): each notice is claimed and delivered by one of them.
    const passes = await Promise.all(Array.from({ length: 6 }, () => deliverDueNotices(services)));
    const total = passes.reduce((a, p) => ({ sent: a.sent + p.sent, retrying: a.retrying + p.retrying }), { sent: 0, retrying: 0 });
    expect(total).toEqual({ sent: 1, retrying: 1 });
    for (const a of admins.filter((a) => a !== downAdmin)) expect(mailsTo(a.email)).toHaveLength(1);
    expect(mailsTo(downAdmin.email)).toHaveLength(0);
    expect(smtp.received.some((m) => m.to.some((to) => to.includes("viewer")))).toBe(false);
    expect(await services.db.notification.count({ where: { kind: "rollout.wave_started" } })).toBe(2);

    // The language each admin saved.
    const pt = mailsTo(ptAdmin.email)[0];
    expect(pt?.subject).toBe(`Atualize para Opus Open Finance 5.1.0: onda "Self-managed dev" da implantação "Dezembro"`);
    expect(pt?.body).toContain("- desenvolvimento: executa 5.0.0");
    expect(pt?.body).toContain(`http://console.test/institutions/${institutionIds[0]}/environments`);
    const en = mailsTo(enAdmin.email)[0];
    expect(en?.subject).toBe(`Upgrade to Opus Open Finance 5.1.0: wave "Self-managed dev" of rollout "Dezembro"`);
    expect(en?.body).toContain("- development: runs 5.0.0");

    // The refused one waits for its retry time: a pass now sends nothing.
    const waiting = await services.db.noticeOutbox.findFirstOrThrow({ where: { status: "PENDING" } });
    expect(waiting.lastError).toContain(downAdmin.email);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(services.clock.now().getTime());
    expect(await deliverDueNotices(services)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    // Later, with the mailbox back, concurrent senders mail only the one who was missed.
    smtp.refusing.clear();
    harness.setNow(new Date(waiting.nextAttemptAt.getTime() + 1000));
    const before = smtp.received.length;
    await Promise.all(Array.from({ length: 4 }, () => deliverDueNotices(services)));
    expect(smtp.received.length - before).toBe(1);
    expect(mailsTo(downAdmin.email)).toHaveLength(1);
    for (const a of admins) expect(mailsTo(a.email)).toHaveLength(1);
    const done = await services.db.noticeOutbox.findMany();
    expect(done.every((n) => n.status === "SENT" && n.claimToken === null && n.notificationId !== null)).toBe(true);
    const rows = await services.db.notification.findMany({ where: { kind: "rollout.wave_started" } });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.emailError === null && r.emailedTo.length === 2)).toBe(true);
    harness.stop();
  });

  it("a sender that died holding a notice is taken over after its lease, and the console row is not made twice", async () => {
    const notice = await services.db.noticeOutbox.create({
      data: {
        dedupeKey: `test:${randomUUID()}`,
        institutionId: institutionIds[0] ?? null,
        kind: "rollout.wave_started",
        params: { version: "5.1.0", rolloutName: "R", waveName: "W", environments: [] },
        status: "SENDING",
        claimToken: "dead-sender",
        claimedUntil: new Date(services.clock.now().getTime() + 60_000),
      },
    });
    // Still within the dead sender's lease: nobody may take it.
    expect((await deliverDueNotices(services)).sent).toBe(0);
    services.clock.set(new Date(services.clock.now().getTime() + 61_000));
    const results = await Promise.all(Array.from({ length: 3 }, () => deliverDueNotices(services)));
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1);
    const after = await services.db.noticeOutbox.findUniqueOrThrow({ where: { id: notice.id } });
    expect(after).toMatchObject({ status: "SENT", attempts: 1 });
    expect(await services.db.notification.count({ where: { id: after.notificationId ?? "" } })).toBe(1);
    services.clock.set(null);
  });

  it("a wave reaching self-managed environments tells each one's admins once, however many steps run at once or die midway; each counts as upgraded only when its heartbeat reports the release, after the rollout is done too", async () => {
    const fleet = await createFleet(services.db, {
      tenants: 2,
      mode: "SELF_MANAGED",
      kinds: ["DEVELOPMENT", "HOMOLOGATION"],
      release: "5.0.0",
    });
    const emails: string[] = [];
    for (const institutionId of fleet.institutionIds) {
      const email = `admin-${institutionId}@sm.example`;
      const user = await services.db.user.create({ data: { id: randomUUID(), email, name: email, emailVerified: true, locale: "en" } });
      await services.db.membership.create({ data: { userId: user.id, institutionId, role: "ADMIN" } });
      emails.push(email);
    }
    const harness = createHarness(services, new Date("2026-12-03T15:00:00Z"));
    const api = await callerFor(services, "admin@opus.example");
    const created = await api.rollouts.create({
      name: "Janeiro",
      releaseId: target.id,
      selection: { institutionIds: fleet.institutionIds },
      waves: [{ name: "Self-managed", maxConcurrency: { count: 1 }, soakMinutes: 0, failureThreshold: 1 }],
    } as never);
    await api.rollouts.start({ rolloutId: created.id, planHash: created.planHash });
    const ours = { institutionId: { in: fleet.institutionIds } };
    const targets = () => services.db.rolloutTarget.findMany({ where: { rolloutId: created.id }, orderBy: { position: "asc" } });
    const statuses = async () => (await targets()).map((t) => t.status);
    // The scheduled entry point (every running rollout, and the stopped ones it still follows), several at once.
    const steps = async (n: number) => {
      const results = await Promise.all(Array.from({ length: n }, () => advanceRollouts(harness.orchestrator)));
      expect(results.flatMap((r) => r.failures)).toEqual([]);
    };

    // A step that dies right after writing its first notice commits neither it nor the wave's start.
    const dying = services.db.$extends({
      query: {
        noticeOutbox: {
          async createMany({ args, query }) {
            await query(args);
            throw new Error("killed");
          },
        },
      },
    }) as unknown as typeof services.db;
    await expect(advanceRollout({ ...harness.orchestrator, db: dying }, created.id)).rejects.toThrow("killed");
    expect(await services.db.noticeOutbox.count({ where: ours })).toBe(0);
    expect(await statuses()).toEqual(["WAITING", "WAITING", "WAITING", "WAITING"]);

    // Six steps at once (workers' schedules, retries): one notice per institution naming both its environments.
    await steps(6);
    const notices = await services.db.noticeOutbox.findMany({ where: ours, orderBy: { institutionId: "asc" } });
    expect(notices.map((n) => n.institutionId)).toEqual([...fleet.institutionIds].sort());
    for (const n of notices)
      expect((n.params as { environments: { kind: string }[] }).environments.map((e) => e.kind).sort()).toEqual([
        "DEVELOPMENT",
        "HOMOLOGATION",
      ]);
    expect(await statuses()).toEqual(["NOTIFIED", "NOTIFIED", "NOTIFIED", "NOTIFIED"]);
    // The control plane's part is done (its concurrency counts only what it upgrades): the rollout ends,
    // and still follows the installations' heartbeats.
    expect(await rolloutStatus(services.db, created.id)).toBe("SUCCEEDED");
    await Promise.all(Array.from({ length: 4 }, () => deliverDueNotices(services)));
    for (const email of emails) expect(mailsTo(email).map((m) => m.subject)).toEqual([expect.stringContaining('"Janeiro"')]);
    expect(await services.db.notification.count({ where: { kind: "rollout.wave_started", ...ours } })).toBe(2);

    // Upgraded only when a heartbeat after the notice reports the release: not an older version,
    // not a record of the release from before the notice.
    const [first, second] = await targets();
    if (!first || !second) throw new Error("targets expected");
    const keyOf = async (t: typeof first) =>
      (await api.apiKeys.create({ institutionId: t.institutionId, name: `installation ${t.id}`, environmentId: t.environmentId })).key;
    const beat = async (key: string, release: string) => {
      const res = await fetch(`${server.base}/api/v1/heartbeat`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ release, chartVersion: release, kubernetesVersion: "v1.29.3", components: [] }),
      });
      expect(res.status).toBe(200);
    };
    const key = await keyOf(first);
    harness.setNow(new Date("2026-12-03T15:10:00Z"));
    await beat(key, "5.0.0");
    await services.db.environment.update({
      where: { id: second.environmentId },
      data: { releaseVersion: target.version, lastHeartbeatAt: new Date("2026-12-03T14:00:00Z") },
    });
    await steps(3);
    expect(await statuses()).toEqual(["NOTIFIED", "NOTIFIED", "NOTIFIED", "NOTIFIED"]);
    await beat(key, target.version);
    await steps(3);
    const after = await targets();
    expect(after.map((t) => t.status)).toEqual(["UPGRADED", "NOTIFIED", "NOTIFIED", "NOTIFIED"]);
    expect(after[0]?.reason).toBe("its heartbeat reports the release");
    // An installation that went straight past the release (5.3.0) is not counted upgraded, and is
    // no longer waited for.
    await beat(await keyOf(second), "5.3.0");
    await steps(3);
    const past = await targets();
    expect(past.map((t) => t.status)).toEqual(["UPGRADED", "SKIPPED", "NOTIFIED", "NOTIFIED"]);
    expect(past[1]?.reason).toBe("its heartbeat reports 5.3.0, past the release");

    // Nobody is told twice: more steps and senders write and send nothing new.
    await steps(3);
    await Promise.all(Array.from({ length: 4 }, () => deliverDueNotices(services)));
    expect(await services.db.noticeOutbox.count({ where: ours })).toBe(2);
    for (const email of emails) expect(mailsTo(email)).toHaveLength(1);
    expect(await services.db.notification.count({ where: { kind: "rollout.wave_started", ...ours } })).toBe(2);
    harness.stop();
  }, 60_000);

  it("a later rollout that notifies the same installation ends the earlier one's wait for it, and only that", async () => {
    const fleet = await createFleet(services.db, { tenants: 2, mode: "SELF_MANAGED", kinds: ["DEVELOPMENT"], release: "5.0.0" });
    const next = await makeRelease(services.db, "AVAILABLE", "5.2.0");
    const harness = createHarness(services, new Date("2026-12-03T15:00:00Z"));
    const api = await callerFor(services, "admin@opus.example");
    const rollout = async (name: string, releaseId: string, institutionIds: string[]) => {
      const created = await api.rollouts.create({
        name,
        releaseId,
        selection: { institutionIds },
        waves: [{ name: "All", maxConcurrency: { count: 1 }, soakMinutes: 0, failureThreshold: 1 }],
      } as never);
      await api.rollouts.start({ rolloutId: created.id, planHash: created.planHash });
      await Promise.all([advanceRollout(harness.orchestrator, created.id), advanceRollout(harness.orchestrator, created.id)]);
      return created.id;
    };
    const targetsOf = (rolloutId: string) =>
      services.db.rolloutTarget.findMany({ where: { rolloutId }, orderBy: { position: "asc" }, select: { status: true, reason: true } });
    const first = await rollout("Fevereiro", target.id, fleet.institutionIds);
    expect((await targetsOf(first)).map((t) => t.status)).toEqual(["NOTIFIED", "NOTIFIED"]);
    expect(await rolloutStatus(services.db, first)).toBe("SUCCEEDED");

    // The second rollout takes only the first tenant: its earlier target is skipped, the other still followed.
    harness.setNow(new Date("2026-12-04T15:00:00Z"));
    const second = await rollout("Março", next.id, fleet.institutionIds.slice(0, 1));
    expect(await targetsOf(second)).toEqual([expect.objectContaining({ status: "NOTIFIED" })]);
    const earlier = await services.db.rolloutTarget.findMany({
      where: { rolloutId: first },
      select: { institutionId: true, status: true, reason: true },
    });
    expect(earlier.find((t) => t.institutionId === fleet.institutionIds[0])).toMatchObject({
      status: "SKIPPED",
      reason: 'superseded by the rollout "Março" to 5.2.0',
    });
    expect(earlier.find((t) => t.institutionId === fleet.institutionIds[1])?.status).toBe("NOTIFIED");
    harness.stop();
  }, 60_000);
});
