// Notifications once per incident: a report that shows a breach opens an incident and notifies Opus
// operations and the institution's admins (console row and e-mail); reports while it lasts notify
// nobody; the report that shows it gone resolves it with one more notice. Concurrent reports open
// an incident once.
import { readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestMetricsReport } from "../../src/domain/regulatory/ingest-metrics-report.ts";
import { callerFor } from "../support/callers.ts";
import { concurrently } from "../support/concurrently.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { adminMetric } from "./metrics-support.ts";

let services: TestServices;
let aurora: { id: string; production: string };
const CONSENTS = "/open-banking/consents/v3/consents";

async function report(day: string, down: number) {
  await ingestMetricsReport(
    services,
    { apiKeyId: "test", institutionId: aurora.id, environmentId: aurora.production },
    { data: [adminMetric(CONSENTS, { requestTime: `${day}T20:00:00Z`, partialDowntime: down, previousDays: 0, p95: 700 })] },
  );
}

const notifications = () =>
  services.db.notification.findMany({ where: { kind: { startsWith: "health." } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

beforeAll(async () => {
  services = await createTestServices();
  const row = await services.db.institution.findUniqueOrThrow({ where: { slug: "banco-aurora" }, include: { environments: true } });
  aurora = { id: row.id, production: row.environments.find((e) => e.kind === "PRODUCTION")?.id ?? "" };
  // This file's own database: Ana's saved language is hers to change here.
  await services.db.user.update({ where: { email: "ana@aurora.example" }, data: { locale: "pt-BR" } });
  services.clock.set(new Date("2026-12-10T22:00:00Z"));
});
afterAll(() => services.cleanup());

describe("health incidents", () => {
  it("notifies once when a breach opens, not at each report while it lasts, and once when it resolves", async () => {
    await report("2026-12-09", 0);
    expect(await notifications()).toHaveLength(0);

    await report("2026-12-10", 4800); // 94.4%: below the daily 95%, and the 2-day window below 99.5%
    const incidents = await services.db.healthIncident.findMany({ where: { environmentId: aurora.production, resolvedAt: null } });
    expect(incidents.map((i) => i.rule).sort()).toEqual(["availability.daily", "availability.window"]);
    let sent = await notifications();
    expect(sent).toHaveLength(4); // each incident, to Opus operations and to the institution
    const daily = sent.filter((n) => n.subject.includes("daily availability below 95%"));
    expect(daily.map((n) => n.institutionId).sort()).toEqual([aurora.id, null].sort());
    const toAurora = daily.find((n) => n.institutionId === aurora.id);
    expect(toAurora).toMatchObject({
      kind: "health.incident_opened",
      subject: `Open Finance rules: banco-aurora (production), daily availability below 95% on ${CONSENTS}`,
      emailError: null,
    });
    expect(toAurora?.link).toBe(`/institutions/${aurora.id}/health`);
    expect(toAurora?.emailedTo).toContain("ana@aurora.example");
    expect(toAurora?.emailedTo.some((e) => e.endsWith("@opus.example"))).toBe(false); // the institution's own admins
    const toOpus = daily.find((n) => n.institutionId === null);
    expect(toOpus?.emailedTo).toEqual(expect.arrayContaining(["admin@opus.example", "operator@opus.example"]));
    expect(toOpus?.emailedTo.some((e) => e.endsWith("@aurora.example"))).toBe(false);
    // The e-mail really left through the mailer (the test outbox).
    const outbox = path.join(tmpdir(), "opus-test-outbox", services.databaseUrl.split("/").at(-1) ?? "db");
    const mailsTo = async (email: string) => {
      const files = (await readdir(outbox)).filter((f) => f.includes(email));
      // Quoted-printable soft line breaks and UTF-8 bytes undone, so the text reads as sent.
      return (await Promise.all(files.map((f) => readFile(path.join(outbox, f), "utf8")))).map((m) =>
        Buffer.from(
          m.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
      );
    };
    // Ana saved Portuguese: her e-mail is in Portuguese; the Opus admin saved none and reads English.
    const anas = await mailsTo("ana@aurora.example");
    expect(anas.some((m) => m.includes(`apresenta disponibilidade diária abaixo de 95% (availability.daily) em ${CONSENTS}`))).toBe(true);
    expect(anas.some((m) => m.includes(`http://console.test/institutions/${aurora.id}/health`))).toBe(true);
    expect(anas.some((m) => m.includes("daily availability below 95%"))).toBe(false);
    expect((await mailsTo("admin@opus.example")).some((m) => m.includes("daily availability below 95%"))).toBe(true);
    // The console shows each reader the language they look at (else the one they saved).
    const ana = await callerFor(services, "ana@aurora.example");
    const listed = await ana.health.notifications({ institutionId: aurora.id });
    expect(listed[0]?.subject).toMatch(/^Regras do Open Finance: banco-aurora \(produção\), /);
    const inEnglish = await ana.health.notifications({ institutionId: aurora.id, locale: "en" });
    expect(inEnglish[0]?.subject).toMatch(/^Open Finance rules: banco-aurora \(production\), /);
    expect(inEnglish[0]).toMatchObject({ link: `/institutions/${aurora.id}/health`, readAt: null });

    // Still breaching: the same figures again, then a worse revision of the day. Nobody hears twice.
    await report("2026-12-10", 4800);
    await report("2026-12-10", 6000);
    expect(await notifications()).toHaveLength(4);

    // The installation corrects the day: both incidents resolve, each with one notice to each audience.
    await report("2026-12-10", 0);
    expect(await services.db.healthIncident.count({ where: { environmentId: aurora.production, resolvedAt: null } })).toBe(0);
    sent = await notifications();
    expect(sent).toHaveLength(8);
    expect(sent.slice(4).every((n) => n.kind === "health.incident_resolved")).toBe(true);
    expect(sent.slice(4).map((n) => n.subject)).toContain(
      `Resolved: banco-aurora (production), daily availability below 95% on ${CONSENTS}`,
    );
    await report("2026-12-10", 0);
    expect(await notifications()).toHaveLength(8);
  });

  it("concurrent reports of the same breach open it, and notify, once", async () => {
    await services.db.notification.deleteMany({});
    services.clock.set(new Date("2026-12-11T22:00:00Z"));
    const outcomes = await concurrently(4, (i) => report("2026-12-11", 5000 + i));
    expect(outcomes.errors).toEqual([]);
    const open = await services.db.healthIncident.findMany({ where: { environmentId: aurora.production, resolvedAt: null } });
    expect(open.filter((i) => i.rule === "availability.daily")).toHaveLength(1);
    const opened = await notifications();
    expect(opened.filter((n) => n.subject.includes("daily availability"))).toHaveLength(2);
  });

  it("customers see their institution's notifications in the console, never Opus' own or another institution's", async () => {
    const ana = await callerFor(services, "ana@aurora.example");
    const ours = await ana.health.notifications({ institutionId: aurora.id });
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((n) => n.kind.startsWith("health."))).toBe(true);
    await expect(ana.health.opsNotifications()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const helena = await callerFor(services, "helena@horizonte.example");
    await expect(helena.health.notifications({ institutionId: aurora.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const operator = await callerFor(services, "operator@opus.example");
    const ops = await operator.health.opsNotifications();
    expect(ops.length).toBe(ours.length); // one to Opus per one to the institution

    // Read is per person: Ana marks one read; it stays unread for the institution's other readers.
    const [first, second] = ours as [(typeof ours)[0], (typeof ours)[0]];
    expect(await ana.health.markNotificationsRead({ institutionId: aurora.id, notificationIds: [first.id] })).toEqual({ read: [first.id] });
    const readAt = (await services.db.notificationRead.findFirstOrThrow({ where: { notificationId: first.id } })).readAt;
    // Again: still read, and since the first time.
    await ana.health.markNotificationsRead({ institutionId: aurora.id, notificationIds: [first.id] });
    expect((await services.db.notificationRead.findMany({ where: { notificationId: first.id } })).map((r) => r.readAt)).toEqual([readAt]);
    const after = await ana.health.notifications({ institutionId: aurora.id });
    expect(after.find((n) => n.id === first.id)?.readAt).toBeInstanceOf(Date);
    expect(after.find((n) => n.id === second.id)?.readAt).toBeNull();
    const admin = await callerFor(services, "admin@opus.example");
    expect((await admin.health.notifications({ institutionId: aurora.id })).find((n) => n.id === first.id)?.readAt).toBeNull();
    // Opus' own notification is not Aurora's: the whole call is refused and nothing is marked.
    const reads = await services.db.notificationRead.count();
    await expect(
      ana.health.markNotificationsRead({ institutionId: aurora.id, notificationIds: [second.id, ops[0]?.id ?? ""] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(operator.health.markOpsNotificationsRead({ notificationIds: [second.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await services.db.notificationRead.count()).toBe(reads);
    await expect(helena.health.markNotificationsRead({ institutionId: aurora.id, notificationIds: [second.id] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await operator.health.markOpsNotificationsRead({ notificationIds: [ops[0]?.id ?? ""] })).toEqual({ read: [ops[0]?.id] });
  });
});
