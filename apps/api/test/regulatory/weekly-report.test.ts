// The weekly availability report of an institution (CSV and PDF): per environment, API family and
// endpoint, the week's availability against the daily minimum and the reported p95 against its
// limit; days outside the week do not count; a missing p95 is said so.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestMetricsReport } from "../../src/domain/regulatory/ingest-metrics-report.ts";
import { callerFor } from "../support/callers.ts";
import { makeTenant } from "../support/tenant-fixtures.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { adminMetric } from "./metrics-support.ts";

let services: TestServices;
let aurora: { id: string; production: string };
const CONSENTS = "/open-banking/consents/v3/consents";
const ACCOUNTS = "/open-banking/accounts/v2/accounts";

async function report(
  day: string,
  endpoints: [string, number, number | null][],
  to = { institutionId: aurora.id, environmentId: aurora.production },
) {
  await ingestMetricsReport(
    services,
    { apiKeyId: "test", ...to },
    {
      data: endpoints.map(([endpoint, down, p95]) =>
        adminMetric(endpoint, { requestTime: `${day}T20:00:00Z`, partialDowntime: down, previousDays: 0, p95 }),
      ),
    },
  );
}

beforeAll(async () => {
  services = await createTestServices();
  const row = await services.db.institution.findUniqueOrThrow({ where: { slug: "banco-aurora" }, include: { environments: true } });
  aurora = { id: row.id, production: row.environments.find((e) => e.kind === "PRODUCTION")?.id ?? "" };
  services.clock.set(new Date("2026-12-08T22:00:00Z"));
  for (const day of ["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-07"]) {
    const down = day === "2026-12-01" ? 4800 : day === "2026-11-29" || day === "2026-12-07" ? 86_400 : 0;
    await report(day, [
      [CONSENTS, down, day === "2026-12-02" ? 1600 : 900],
      [ACCOUNTS, 0, null],
    ]);
  }
});
afterAll(() => services.cleanup());

const decode = (file: { base64: string }) => Buffer.from(file.base64, "base64");

describe("weekly availability report", () => {
  it("gives the week's availability and p95 per API family and endpoint as CSV, the days outside the week left out", async () => {
    const ana = await callerFor(services, "ana@aurora.example");
    const file = await ana.health.weeklyReport({ institutionId: aurora.id, week: "2026-11-30", format: "csv" });
    expect(file).toMatchObject({ filename: "availability-banco-aurora-2026-11-30.csv", contentType: "text/csv; charset=utf-8" });
    // 3 days reported; consents: 4,800 s down of 259,200 s = 98.1481%, one day below 95%; p95 1,600 ms over the 1,500 ms limit.
    expect(decode(file).toString("utf8")).toBe(
      [
        "environment,api_family,endpoint,days_reported,downtime_seconds,availability_percent,daily_minimum_percent,days_below_daily_minimum,p95_max_ms,p95_limit_ms,p95_verdict",
        `production,accounts,${ACCOUNTS},3,0,100.0000,95.0000,0,,2000,not reported`,
        `production,consents,${CONSENTS},3,4800,98.1481,95.0000,1,1600,1500,above`,
        "",
      ].join("\r\n"),
    );
  });

  it("renders the same week as a PDF, the same bytes each time", async () => {
    const operator = await callerFor(services, "operator@opus.example");
    const a = await operator.health.weeklyReport({ institutionId: aurora.id, week: "2026-11-30", format: "pdf" });
    const b = await operator.health.weeklyReport({ institutionId: aurora.id, week: "2026-11-30", format: "pdf" });
    expect(a.contentType).toBe("application/pdf");
    expect(decode(a).subarray(0, 5).toString()).toBe("%PDF-");
    expect(a.base64).toBe(b.base64);
  });

  it("refuses a week that does not start on a Monday, and another institution's report", async () => {
    const ana = await callerFor(services, "ana@aurora.example");
    await expect(ana.health.weeklyReport({ institutionId: aurora.id, week: "2026-12-01", format: "csv" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "A week starts on a Monday; 2026-12-01 is not one.",
    });
    const helena = await callerFor(services, "helena@horizonte.example");
    await expect(helena.health.weeklyReport({ institutionId: aurora.id, week: "2026-11-30", format: "csv" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("the fleet's weekly availability report", () => {
  let other: { slug: string; cnpj: string };
  beforeAll(async () => {
    const tenant = await makeTenant(services.db, "active");
    // A name a spreadsheet would run as a formula, were it not neutralised.
    await services.db.institution.update({ where: { id: tenant.id }, data: { legalName: "=Banco Fórmula, S.A." } });
    other = tenant;
    const to = { institutionId: tenant.id, environmentId: tenant.environments[0]?.id ?? "" };
    await report("2026-12-03", [[CONSENTS, 0, 400]], to);
    await report("2026-12-08", [[CONSENTS, 86_400, 400]], to);
  });

  it("gives every institution that reported that week, each line led by the institution's identity", async () => {
    const billing = await callerFor(services, "billing@opus.example");
    const file = await billing.health.fleetWeeklyReport({ week: "2026-11-30", format: "csv" });
    expect(file).toMatchObject({ filename: "availability-fleet-2026-11-30.csv", contentType: "text/csv; charset=utf-8" });
    const lines = decode(file).toString("utf8").split("\r\n");
    expect(lines[0]).toBe(
      "institution,cnpj,legal_name,environment,api_family,endpoint,days_reported,downtime_seconds,availability_percent,daily_minimum_percent,days_below_daily_minimum,p95_max_ms,p95_limit_ms,p95_verdict",
    );
    const aurora = await services.db.institution.findUniqueOrThrow({ where: { slug: "banco-aurora" } });
    // By institution slug: Aurora's two lines as in its own report, then the other's one day in the week (not 12-08).
    expect(lines.slice(1)).toEqual([
      `banco-aurora,${aurora.cnpj},${aurora.legalName},production,accounts,${ACCOUNTS},3,0,100.0000,95.0000,0,,2000,not reported`,
      `banco-aurora,${aurora.cnpj},${aurora.legalName},production,consents,${CONSENTS},3,4800,98.1481,95.0000,1,1600,1500,above`,
      `${other.slug},${other.cnpj},"'=Banco Fórmula, S.A.",homologation,consents,${CONSENTS},1,0,100.0000,95.0000,0,400,1500,within`,
      "",
    ]);
  });

  it("renders the fleet as a PDF: a summary per institution, then each institution's table", async () => {
    const operator = await callerFor(services, "operator@opus.example");
    const pdf = await operator.health.fleetWeeklyReport({ week: "2026-11-30", format: "pdf" });
    expect(pdf.filename).toBe("availability-fleet-2026-11-30.pdf");
    const dir = mkdtempSync(path.join(tmpdir(), "fleet-weekly-"));
    writeFileSync(path.join(dir, "fleet.pdf"), decode(pdf));
    const text = execFileSync("pdftotext", ["-layout", path.join(dir, "fleet.pdf"), "-"]).toString();
    expect(text).toContain("Institutions that reported: 2");
    expect(text).toContain("Banco Aurora");
    expect(text).toContain("=Banco Fórmula, S.A.");
    expect(text.split("\f").filter((page) => page.trim()).length).toBe(3);
    const again = await operator.health.fleetWeeklyReport({ week: "2026-11-30", format: "pdf" });
    expect(again.base64).toBe(pdf.base64);
  });

  it("is Opus staff's only: a member is refused, and a week that does not start on a Monday is said so", async () => {
    const ana = await callerFor(services, "ana@aurora.example");
    await expect(ana.health.fleetWeeklyReport({ week: "2026-11-30", format: "csv" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const operator = await callerFor(services, "operator@opus.example");
    await expect(operator.health.fleetWeeklyReport({ week: "2026-12-02", format: "pdf" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "A week starts on a Monday; 2026-12-02 is not one.",
    });
  });

  it("is empty, with its header, for a week nobody reported", async () => {
    const operator = await callerFor(services, "operator@opus.example");
    const file = await operator.health.fleetWeeklyReport({ week: "2026-11-02", format: "csv" });
    expect(decode(file).toString("utf8").split("\r\n").slice(1)).toEqual([""]);
  });
});
