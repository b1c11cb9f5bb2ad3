import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeReport } from "../../src/domain/billing/compute-reports.ts";
import { finalizeDueReports } from "../../src/domain/billing/finalize-due-reports.ts";
import { canonicalJson, sha256Hex } from "../../src/domain/billing/report-content.ts";
import { ensureUsagePartitions } from "../../src/domain/usage/ensure-partitions.ts";
import { recordEnvironmentDays } from "../../src/domain/usage/record-environment-days.ts";
import { callerFor, institutionIdOf } from "../support/callers.ts";
import { startTestServer } from "../support/http-client.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { apiCall, createKey, type Json, postEvents } from "./usage-support.ts";

let services: TestServices;
let server: Awaited<ReturnType<typeof startTestServer>>;
let aurora: string;
let key: string;
const NOW = new Date("2026-12-10T12:00:00Z");

beforeAll(async () => {
  services = await createTestServices();
  services.clock.set(NOW);
  server = await startTestServer(services);
  aurora = await institutionIdOf(services, "banco-aurora");
  key = (await createKey(services, "ana@aurora.example", "banco-aurora")).key;
});
afterAll(async () => {
  await server.close();
  await services.cleanup();
});

async function post(events: unknown[]) {
  const res = await postEvents(server.base, key, { events });
  expect(res.status).toBe(200);
  return (await res.json()) as Json;
}

const calls = (prefix: string, n: number, timestamp: string, family = "accounts") =>
  Array.from({ length: n }, (_, i) => apiCall(`${prefix}-${i}`, { timestamp, dimensions: { family } }));

describe("monthly usage reports", () => {
  it("computes a draft from the rollups: quantities by São Paulo month, tiers, base fee, total", async () => {
    // Growth plan: 1,000,000 API calls included, then R$ 0,0015 each (seed). 02:59:59 UTC on 1 December is November in São Paulo.
    await post([...calls("nov", 998, "2026-11-15T12:00:00Z"), apiCall("nov-edge", { timestamp: "2026-12-01T02:59:59Z" })]);
    await post([apiCall("dec-edge", { timestamp: "2026-12-01T03:00:00Z" })]);
    await post([
      { id: "pay-1", meter: "payments_initiated", environment: "production", quantity: 1, timestamp: "2026-11-03T10:00:00Z" },
      { id: "pay-2", meter: "payments_initiated", environment: "production", quantity: 1, timestamp: "2026-11-03T11:00:00Z" },
      { id: "cons-1", meter: "active_consents", environment: "production", quantity: 1500, timestamp: "2026-11-04T10:00:00Z" },
      { id: "cons-2", meter: "active_consents", environment: "homologation", quantity: 700, timestamp: "2026-11-05T10:00:00Z" },
      { id: "cons-3", meter: "active_consents", environment: "production", quantity: 900, timestamp: "2026-11-06T10:00:00Z" },
    ]);
    const billing = await callerFor(services, "billing@opus.example");
    const report = await billing.billing.report({ institutionId: aurora, month: "2026-11" });
    expect(report).toMatchObject({ status: "DRAFT", phase: "DUE", contentSha256: null });
    const byMeter = Object.fromEntries(report.content.lines.map((l) => [l.meter, l]));
    expect(byMeter.api_calls).toMatchObject({ quantity: "999", included: "1000000", billable: "0", amountCentavos: 0 });
    // Peak per environment, added: 1,500 + 700 = 2,200; 1,000 included; 2 packages of 1,000 at R$ 25,00.
    expect(byMeter.active_consents).toMatchObject({ quantity: "2200", billable: "1200", amountCentavos: 5000 });
    // Volume: 2 payments at R$ 0,05 = R$ 0,10.
    expect(byMeter.payments_initiated).toMatchObject({ quantity: "2", amountCentavos: 10 });
    expect(report.content.baseFeeCentavos).toBe(450_000);
    expect(report.content.totalCentavos).toBe(450_000 + 5000 + 10);
    const december = await billing.billing.report({ institutionId: aurora, month: "2026-12" });
    expect(december.phase).toBe("OPEN");
    expect(december.content.lines.find((l) => l.meter === "api_calls")?.quantity).toBe("1");
  });

  it("charts: daily usage per meter and API family, by São Paulo day", async () => {
    const ana = await callerFor(services, "ana@aurora.example");
    const daily = await ana.usage.daily({ institutionId: aurora, month: "2026-11" });
    expect(daily.days).toHaveLength(30);
    expect(daily.rows.filter((r) => r.meter === "api_calls")).toEqual([
      { day: "2026-11-15", meter: "api_calls", family: "accounts", quantity: "998" },
      { day: "2026-11-30", meter: "api_calls", family: "accounts", quantity: "1" },
    ]);
    expect(daily.rows.find((r) => r.meter === "active_consents" && r.day === "2026-11-04")?.quantity).toBe("1500");
    const other = await institutionIdOf(services, "coop-horizonte");
    await expect(ana.usage.daily({ institutionId: other, month: "2026-11" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("finalizes once: immutable, records who, and its hash recomputes identically from the same events and prices", async () => {
    const billing = await callerFor(services, "billing@opus.example");
    await expect(billing.billing.finalize({ institutionId: aurora, month: "2026-12" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => billing.billing.finalize({ institutionId: aurora, month: "2026-11" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(
      Array(4).fill("CONFLICT"),
    );
    const stored = await services.db.usageReport.findUniqueOrThrow({
      where: { institutionId_month: { institutionId: aurora, month: "2026-11" } },
    });
    expect(stored.finalizedByEmail).toBe("billing@opus.example");
    expect(stored.contentSha256).toBe(sha256Hex(stored.canonical));
    // Recomputing from the same rollups and prices gives the same bytes.
    const recomputed = canonicalJson(await computeReport(services, aurora, "2026-11"));
    expect(recomputed).toBe(stored.canonical);
    expect(sha256Hex(recomputed)).toBe(stored.contentSha256);
    const view = await billing.billing.report({ institutionId: aurora, month: "2026-11" });
    expect(view).toMatchObject({ status: "FINALIZED", contentSha256: stored.contentSha256, finalizedBy: "billing@opus.example" });
    // The database itself refuses to change a finalized report.
    await expect(services.db.usageReport.update({ where: { id: stored.id }, data: { totalCentavos: 1n } })).rejects.toThrow(/finalized/);
    const audit = await services.db.auditEvent.findMany({ where: { action: "usage_report.finalized", institutionId: aurora } });
    expect(audit).toHaveLength(1);
  });

  it("books late events for a finalized month on the next report, referencing their month, and leaves the finalized one unchanged", async () => {
    const before = await services.db.usageReport.findUniqueOrThrow({
      where: { institutionId_month: { institutionId: aurora, month: "2026-11" } },
    });
    const res = await post([
      { id: "late-cons", meter: "active_consents", environment: "production", quantity: 2600, timestamp: "2026-11-20T10:00:00Z" },
      apiCall("late-call", { timestamp: "2026-11-21T10:00:00Z" }),
    ]);
    expect(res.results.map((r: Json) => [r.status, r.late])).toEqual([
      ["accepted", true],
      ["accepted", true],
    ]);
    const billing = await callerFor(services, "billing@opus.example");
    const november = await billing.billing.report({ institutionId: aurora, month: "2026-11" });
    expect(november.contentSha256).toBe(before.contentSha256);
    const december = await billing.billing.report({ institutionId: aurora, month: "2026-12" });
    // Production's peak rose from 1,500 to 2,600: 3,300 in all, 3 packages instead of 2: R$ 25,00 more.
    expect(december.content.lateUsage).toEqual([
      { month: "2026-11", meter: "active_consents", quantity: "1100", amountCentavos: 2500 },
      { month: "2026-11", meter: "api_calls", quantity: "1", amountCentavos: 0 },
    ]);
    expect(december.content.totalCentavos).toBe(december.content.baseFeeCentavos + december.content.usageCentavos + 2500);
  });

  it("corrections void or amend an event before finalization, keep the original, and are audited", async () => {
    await post(calls("fix", 3, "2026-12-02T10:00:00Z", "consents"));
    const billing = await callerFor(services, "billing@opus.example");
    const quantity = async () =>
      (await billing.billing.report({ institutionId: aurora, month: "2026-12" })).content.lines.find((l) => l.meter === "api_calls")
        ?.quantity;
    expect(await quantity()).toBe("4");
    await billing.usage.correct({ institutionId: aurora, eventId: "fix-0", action: "void", reason: "test traffic" });
    expect(await quantity()).toBe("3");
    await expect(billing.usage.correct({ institutionId: aurora, eventId: "fix-0", action: "void", reason: "again" })).rejects.toMatchObject(
      { code: "CONFLICT" },
    );
    // Amending a sum meter changes the quantity; the count meter keeps counting one event.
    await post([
      { id: "pay-fix", meter: "payments_initiated", environment: "production", quantity: "3", timestamp: "2026-12-03T10:00:00Z" },
    ]);
    await billing.usage.correct({ institutionId: aurora, eventId: "pay-fix", action: "amend", quantity: "1", reason: "double counted" });
    const rows = await services.db.$queryRawUnsafe<{ quantity: string; voided: boolean }[]>(
      "SELECT quantity::text, voided_at IS NOT NULL AS voided FROM usage_event WHERE institution_id = $1 AND event_id = 'pay-fix' ORDER BY received_at, voided_at NULLS LAST",
      aurora,
    );
    expect(rows).toEqual([
      { quantity: "3", voided: true },
      { quantity: "1", voided: false },
    ]);
    const [rollup] = await services.db.$queryRawUnsafe<{ quantity_sum: string; event_count: bigint }[]>(
      "SELECT quantity_sum::text, event_count FROM usage_rollup_daily WHERE institution_id = $1 AND meter_id = 'meter_payments_initiated' AND day = '2026-12-03'",
      aurora,
    );
    expect(rollup).toEqual({ quantity_sum: "1", event_count: 1n });
    // A finalized month's events cannot be corrected; only Opus billing and admins may correct.
    await expect(billing.usage.correct({ institutionId: aurora, eventId: "nov-0", action: "void", reason: "x" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const ana = await callerFor(services, "ana@aurora.example");
    await expect(ana.usage.correct({ institutionId: aurora, eventId: "fix-1", action: "void", reason: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const corrections = await services.db.usageCorrection.findMany({ where: { institutionId: aurora }, orderBy: { createdAt: "asc" } });
    expect(corrections.map((c) => [c.eventId, c.kind, c.oldQuantity, c.newQuantity])).toEqual([
      ["fix-0", "void", "1", null],
      ["pay-fix", "amend", "3", "1"],
    ]);
    expect(await services.db.auditEvent.count({ where: { action: { in: ["usage_event.voided", "usage_event.amended"] } } })).toBe(2);
  });

  it("manual adjustments need a second Opus person, count once approved, and never on a finalized month", async () => {
    const billing = await callerFor(services, "billing@opus.example");
    const admin = await callerFor(services, "admin@opus.example");
    const total = async () => (await billing.billing.report({ institutionId: aurora, month: "2026-12" })).content.totalCentavos;
    const before = await total();
    const requested = await billing.billing.requestAdjustment({
      institutionId: aurora,
      month: "2026-12",
      amountCentavos: -10_000,
      reason: "SLA credit",
    });
    expect(await total()).toBe(before);
    await expect(billing.billing.decideAdjustment({ adjustmentId: requested.id, decision: "approve" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const decisions = await Promise.allSettled([
      admin.billing.decideAdjustment({ adjustmentId: requested.id, decision: "approve" }),
      admin.billing.decideAdjustment({ adjustmentId: requested.id, decision: "approve" }),
    ]);
    expect(decisions.filter((d) => d.status === "fulfilled")).toHaveLength(1);
    expect(await total()).toBe(before - 10_000);
    await expect(
      billing.billing.requestAdjustment({ institutionId: aurora, month: "2026-11", amountCentavos: 500, reason: "late" }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await expect(
      billing.billing.requestAdjustment({ institutionId: aurora, month: "2026-12", amountCentavos: 0, reason: "nothing" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const actions = (await services.db.auditEvent.findMany({ where: { targetId: requested.id } })).map((a) => a.action).sort();
    expect(actions).toEqual(["usage_adjustment.approved", "usage_adjustment.requested"]);
  });

  it("plan prices change only from a month not yet begun, audited", async () => {
    const billing = await callerFor(services, "billing@opus.example");
    const plan = await services.db.plan.findUniqueOrThrow({ where: { code: "growth" } });
    const spec = {
      baseFees: { SAAS: 500_000, MANAGED: 600_000, SELF_MANAGED: 300_000 },
      meters: { api_calls: { model: "GRADUATED" as const, included: "0", tiers: [{ upTo: null, unitPrice: "0.0015" }] } },
    };
    await expect(billing.billing.setPlanPrices({ planId: plan.id, effectiveMonth: "2026-12", spec })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await billing.billing.setPlanPrices({ planId: plan.id, effectiveMonth: "2027-01", spec });
    expect((await billing.billing.report({ institutionId: aurora, month: "2026-12" })).content.baseFeeCentavos).toBe(450_000);
    expect((await billing.billing.report({ institutionId: aurora, month: "2027-01" })).content.baseFeeCentavos).toBe(500_000);
    expect(await services.db.auditEvent.count({ where: { action: "plan.prices_set", targetId: plan.id } })).toBe(1);
  });

  it("exports CSV, JSON, a fleet CSV and a PDF that renders", async () => {
    const billing = await callerFor(services, "billing@opus.example");
    const decode = (f: { base64: string }) => Buffer.from(f.base64, "base64");
    const csv = decode(await billing.billing.exportReport({ institutionId: aurora, month: "2026-11", format: "csv" })).toString("utf8");
    const stored = await services.db.usageReport.findUniqueOrThrow({
      where: { institutionId_month: { institutionId: aurora, month: "2026-11" } },
    });
    expect(csv.split("\r\n")[0]).toBe("month,line,meter,unit,quantity,included,billable,model,amount_brl,reference");
    expect(csv).toContain("2026-11,base_fee,,,,,,,4500.00,SAAS");
    expect(csv).toContain("2026-11,usage,active_consents,consent,2200,1000,1200,PACKAGE,50.00,");
    expect(csv).toContain(`2026-11,total,,,,,,,4550.10,sha256:${stored.contentSha256}`);
    const json = JSON.parse(
      decode(await billing.billing.exportReport({ institutionId: aurora, month: "2026-11", format: "json" })).toString("utf8"),
    );
    expect(canonicalJson(json.report)).toBe(stored.canonical);
    const fleet = decode(await billing.billing.exportFleet({ month: "2026-11" }))
      .toString("utf8")
      .split("\r\n");
    expect(fleet[0]).toBe("month,institution_id,legal_name,cnpj,status,meter,quantity,included,billable,amount_brl,report_total_brl");
    expect(fleet.filter((l) => l.includes(aurora)).map((l) => l.split(",")[5])).toEqual([
      "base_fee",
      "active_consents",
      "api_calls",
      "environment_days",
      "payments_initiated",
    ]);
    const pdf = await billing.billing.exportReport({ institutionId: aurora, month: "2026-11", format: "pdf" });
    const dir = mkdtempSync(path.join(tmpdir(), "report-pdf-"));
    writeFileSync(path.join(dir, "report.pdf"), decode(pdf));
    expect(decode(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    execFileSync("pdftoppm", ["-png", "-r", "60", path.join(dir, "report.pdf"), path.join(dir, "page")]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".png")).length).toBeGreaterThanOrEqual(1);
    const text = execFileSync("pdftotext", [path.join(dir, "report.pdf"), "-"]).toString();
    expect(text).toContain("R$ 4.550,10");
  });

  it("records environment-days from the control plane's own environments, once per day whatever the number of passes", async () => {
    const active = await services.db.environment.count({ where: { institutionId: aurora, status: { in: ["ACTIVE", "SUSPENDED"] } } });
    expect(active).toBe(2);
    const quantity = async () =>
      (await computeReport(services, aurora, "2026-12"))?.lines.find((l) => l.meter === "environment_days")?.quantity;
    const before = Number(await quantity());
    await Promise.all([recordEnvironmentDays(services), recordEnvironmentDays(services)]);
    await recordEnvironmentDays(services);
    expect(Number(await quantity())).toBe(before + 2);
    services.clock.set(new Date("2026-12-11T12:00:00Z"));
    await recordEnvironmentDays(services);
    expect(Number(await quantity())).toBe(before + 4);
    services.clock.set(NOW);
    // The API cannot report this meter: only the control plane does.
    const res = await post([
      { id: "env-day-forged", meter: "environment_days", environment: "production", quantity: 30, timestamp: "2026-12-05T10:00:00Z" },
    ]);
    expect(res.results[0]).toMatchObject({ status: "rejected", code: "meter_not_reportable" });
  });

  it("keeps the next months' partitions ready", async () => {
    services.clock.set(new Date("2027-11-15T12:00:00Z"));
    await ensureUsagePartitions(services);
    services.clock.set(NOW);
    const partitions = await services.db.$queryRawUnsafe<{ name: string }[]>(
      "SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'usage_event'::regclass AND c.relname LIKE 'usage_event_2028%' ORDER BY 1",
    );
    expect(partitions.map((p) => p.name)).toEqual(["usage_event_2028_01", "usage_event_2028_02"]);
  });

  it("the scheduled job finalizes every due report after the grace period, exactly once", async () => {
    services.clock.set(new Date("2027-01-04T02:59:00Z"));
    await finalizeDueReports(services, 3);
    // Still in December's grace period: earlier due months are caught up, December is not touched.
    expect(await services.db.usageReport.count({ where: { month: "2026-12" } })).toBe(0);
    services.clock.set(new Date("2027-01-04T03:00:01Z"));
    const runs = await Promise.all([finalizeDueReports(services, 3), finalizeDueReports(services, 3)]);
    const due = await services.db.usageReport.findMany({ where: { month: "2026-12" } });
    expect(runs[0] + runs[1]).toBe(due.length);
    expect(due.map((r) => r.institutionId)).toContain(aurora);
    expect(due.every((r) => r.finalizedById === null)).toBe(true);
    // The December report carried November's late usage; a report after it does not book it again.
    const january = await computeReport(services, aurora, "2027-01");
    expect(january?.lateUsage).toEqual([]);
    services.clock.set(NOW);
  });
});
