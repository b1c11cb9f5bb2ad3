// The weekly availability report of an institution (CSV and PDF): per environment, API family and
// endpoint, the week's availability against the daily minimum and the reported p95 against its
// limit; days outside the week do not count; a missing p95 is said so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestMetricsReport } from "../../src/domain/regulatory/ingest-metrics-report.ts";
import { callerFor } from "../support/callers.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { adminMetric } from "./metrics-support.ts";

let services: TestServices;
let aurora: { id: string; production: string };
const CONSENTS = "/open-banking/consents/v3/consents";
const ACCOUNTS = "/open-banking/accounts/v2/accounts";

async function report(day: string, endpoints: [string, number, number | null][]) {
  await ingestMetricsReport(
    services,
    { apiKeyId: "test", institutionId: aurora.id, environmentId: aurora.production },
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
      ].join("\n"),
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
