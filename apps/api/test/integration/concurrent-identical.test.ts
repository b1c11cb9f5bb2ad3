// 50 identical requests at once, at every state-changing procedure of the router (generated from
// the procedure catalogue the authorization matrix uses), by a person allowed to make them: never a
// 5xx, and one effect — one success and the rest CONFLICT, or every success the same record
// (an idempotent replay) — counted in audit events, which every mutation writes in its own
// transaction. Procedures where each identical request is a new record by design are listed with why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../src/trpc/app-router.ts";
import { createTenant } from "../provisioning/support/fixtures.ts";
import { adminMetric, postMetrics } from "../regulatory/metrics-support.ts";
import { callerFor } from "../support/callers.ts";
import { concurrently } from "../support/concurrently.ts";
import { startTestServer } from "../support/http-client.ts";
import { arrange, expectedAllowed, PERSONAS, PROCEDURES } from "../support/procedure-catalog.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { apiCall, createKey, postEvents, totals } from "../usage/usage-support.ts";

const N = 50;
let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

const mutations = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
  .filter(([, procedure]) => procedure._def.type === "mutation")
  .map(([path]) => path)
  .sort();

/** Identical requests that are separate effects on purpose (no idempotency rule): each one audited, none a 5xx. */
const EVERY_CALL_IS_NEW: Record<string, string> = {
  "apiKeys.create": "each call issues a new key (its secret is shown once)",
  "environments.installBundle": "each download issues a new bundle with its own key",
  "institutions.exportRecords": "each export is recorded as one",
  "institutions.create": "each call starts a new draft (identical names get distinct slugs; a slug race is a CONFLICT)",
  "members.invite": "a new invitation replaces the pending one: one usable link (unique-races.test.ts)",
  "billing.requestAdjustment": "each request is its own adjustment, decided by a second person",
  "goLive.addEvidence": "each upload is its own piece of evidence",
  "goLive.addEvidenceFile": "each upload is its own piece of evidence",
  "rollouts.create": "each call drafts a new rollout",
  // Setting a value: identical requests leave the same state, and each is audited.
  "billing.setPlanPrices": "sets a value",
  "institutions.saveStep": "sets a value",
  "institutions.setRetention": "sets a value",
  "me.setLocale": "sets a value",
  "releases.setEnvironmentSettings": "sets a value",
  "releases.setFleetFreezes": "sets a value",
};

/** What the requests that lost may be told: someone else's identical request came first. */
const LOSING_CODES = ["CONFLICT", "NOT_FOUND", "PRECONDITION_FAILED"];

/** The answer without whether this request was the one that created it. */
function replayed(result: unknown): string {
  if (typeof result !== "object" || result === null) return JSON.stringify(result);
  const { created: _created, ...rest } = result as Record<string, unknown>;
  return JSON.stringify(rest);
}

async function run(path: string, email: string | null, input: unknown) {
  const caller = (await callerFor(services, email)) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
  const [group, name] = path.split(".") as [string, string];
  const procedure = caller[group]?.[name];
  if (!procedure) throw new Error(`no procedure ${path}`);
  return concurrently(N, () => procedure(input));
}

describe(`${N} identical concurrent requests`, () => {
  it("cover every mutation of the router", () => {
    expect(mutations.length).toBeGreaterThan(40);
  });

  for (const path of mutations) {
    it(`${path}: no 5xx, one effect`, async () => {
      const spec = PROCEDURES[path];
      if (!spec) throw new Error(`no spec for ${path}`);
      const persona = PERSONAS.find((p) => p.email !== null && expectedAllowed(spec.access, p, "own")) ?? PERSONAS[0];
      const tenant = await arrange(services.db, spec, "own");
      const input = await spec.input({ db: services.db, services, tenant });
      const auditBefore = await services.db.auditEvent.count();
      const outcomes = await run(path, persona.email, input);
      const audited = (await services.db.auditEvent.count()) - auditBefore;
      const codes = [...new Set(outcomes.errors.map((e) => e.code))];
      const summary = `ok=${outcomes.ok.length} audited=${audited} errors=${JSON.stringify(codes)} ${outcomes.errors[0]?.message ?? ""}`;
      expect(
        codes.filter((code) => ["INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE", "undefined"].includes(code)),
        summary,
      ).toEqual([]);
      if (EVERY_CALL_IS_NEW[path]) {
        expect(audited, summary).toBe(outcomes.ok.length);
        return;
      }
      expect(outcomes.ok.length, summary).toBeGreaterThanOrEqual(1);
      expect(audited, summary).toBe(1);
      // Every success is the same answer (the first request's effect, replayed); the rest were refused.
      expect(new Set(outcomes.ok.map(replayed)).size, summary).toBe(1);
      expect(
        codes.filter((code) => !LOSING_CODES.includes(code)),
        summary,
      ).toEqual([]);
      for (const error of outcomes.errors) expect(error.message.length, summary).toBeGreaterThan(10);
    }, 60_000);
  }
});

describe(`${N} identical concurrent machine-API requests`, () => {
  it("the same usage batch 50 times at once: every event stored and counted once, the rest reported as duplicates", async () => {
    const server = await startTestServer(services);
    try {
      const { key, institutionId } = await createKey(services, "ana@aurora.example", "banco-aurora");
      const before = await totals(services, institutionId, "api_calls");
      const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
      const batch = { events: Array.from({ length: 20 }, (_, i) => apiCall(`same-batch-${i}`, { timestamp: hourAgo })) };
      const answers = await Promise.all(
        Array.from({ length: N }, async () => {
          const res = await postEvents(server.base, key, batch);
          return { status: res.status, body: (await res.json()) as { accepted: number; duplicates: number } };
        }),
      );
      expect(answers.filter((a) => a.status !== 200)).toEqual([]);
      expect(answers[0]?.body).toMatchObject({ rejected: 0 });
      expect(answers.reduce((n, a) => n + a.body.accepted, 0)).toBe(20);
      expect(answers.reduce((n, a) => n + a.body.duplicates, 0)).toBe(20 * (N - 1));
      const after = await totals(services, institutionId, "api_calls");
      for (const level of ["raw", "hourly", "daily"] as const) expect(after[level].count - before[level].count).toBe(20);
    } finally {
      await server.close();
    }
  }, 60_000);

  /** A tenant of its own (no earlier report, incident or heartbeat), its key, and a server; the clock held still. */
  async function machineRun<T>(
    mode: "SAAS" | "SELF_MANAGED",
    body: (ctx: { base: string; key: string; environmentId: string }) => Promise<T>,
  ) {
    const server = await startTestServer(services);
    services.clock.set(new Date());
    try {
      const tenant = await createTenant(services.db, { mode });
      const api = await callerFor(services, "admin@opus.example");
      const { key } = await api.apiKeys.create({ institutionId: tenant.id, name: "installation", environmentId: tenant.env.id });
      return await body({ base: server.base, key, environmentId: tenant.env.id });
    } finally {
      services.clock.set(null);
      await server.close();
    }
  }

  const effects = async (environmentId: string) => {
    const [audit, keyUses, notifications, incidents, days, revisions] = await Promise.all([
      services.db.auditEvent.count(),
      services.db.auditEvent.count({ where: { action: "api_key.used" } }),
      services.db.notification.count(),
      services.db.healthIncident.findMany({ where: { environmentId }, select: { rule: true, resolvedAt: true } }),
      services.db.endpointMetricDay.count({ where: { environmentId } }),
      services.db.endpointMetricRevision.count({ where: { metricDay: { environmentId } } }),
    ]);
    return { audit, keyUses, notifications, incidents, days, revisions };
  };

  it("the same heartbeat 50 times at once: all answered, the environment holds that one heartbeat, nothing else written", async () => {
    await machineRun("SELF_MANAGED", async ({ base, key, environmentId }) => {
      const beat = {
        release: "7.2.0",
        chartVersion: "7.2.0",
        kubernetesVersion: "v1.29.3",
        components: [{ name: "consent", status: "healthy" }],
      };
      const before = await effects(environmentId);
      const answers = await Promise.all(
        Array.from({ length: N }, async () => {
          const res = await fetch(`${base}/api/v1/heartbeat`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
            body: JSON.stringify(beat),
          });
          return { status: res.status, body: (await res.json()) as { environmentId: string; receivedAt: string } };
        }),
      );
      const now = services.clock.now().toISOString();
      expect(answers.filter((a) => a.status !== 200)).toEqual([]);
      expect(new Set(answers.map((a) => JSON.stringify(a.body)))).toEqual(new Set([JSON.stringify({ environmentId, receivedAt: now })]));
      const env = await services.db.environment.findUniqueOrThrow({ where: { id: environmentId } });
      // Self-managed: the heartbeat is the running release.
      expect(env).toMatchObject({ releaseVersion: "7.2.0", kubernetesVersion: "v1.29.3", lastHeartbeatAt: new Date(now) });
      expect(env.heartbeat).toEqual({
        release: "7.2.0",
        chartVersion: "7.2.0",
        kubernetesVersion: "v1.29.3",
        components: beat.components,
        receivedAt: now,
      });
      // A heartbeat sets a value: no notification, no incident, per request or at all; the key's use
      // is audited once (its last-use compare-and-set), not 50 times.
      expect(await effects(environmentId)).toEqual({ ...before, audit: before.audit + 1, keyUses: before.keyUses + 1 });
    });
  }, 60_000);

  it("the same breaching metrics report 50 times at once: each day stored once, each incident opened and notified once", async () => {
    await machineRun("SAAS", async ({ base, key, environmentId }) => {
      const endpoint = "/open-banking/consents/v3/consents";
      const requestTime = new Date(services.clock.now().getTime() - 3_600_000).toISOString();
      // 4,800 s partly down today: below the daily 95% and the window's 99.5%.
      const report = { data: [adminMetric(endpoint, { requestTime, partialDowntime: 4800, previousDays: 2, p95: 700 })] };
      const before = await effects(environmentId);
      const answers = await Promise.all(
        Array.from({ length: N }, async () => {
          const res = await postMetrics(base, key, report);
          return { status: res.status, body: (await res.json()) as { days: { status: string }[] } };
        }),
      );
      expect(answers.filter((a) => a.status !== 200)).toEqual([]);
      const statuses = answers.flatMap((a) => a.body.days.map((d) => d.status));
      // Three São Paulo days (today and two before): created by one request each, unchanged for the 49 others.
      expect(statuses.filter((s) => s === "created")).toHaveLength(3);
      expect(statuses.filter((s) => s !== "created").every((s) => s === "unchanged")).toBe(true);
      const after = await effects(environmentId);
      expect(after.days - before.days).toBe(3);
      expect(after.revisions - before.revisions).toBe(3);
      const rules = after.incidents.map((i) => i.rule).sort();
      expect(rules).toEqual(["availability.daily", "availability.window"]);
      expect(after.incidents.every((i) => i.resolvedAt === null)).toBe(true);
      // Each incident told once to Opus operations and once to the institution, not once per request.
      expect(after.notifications - before.notifications).toBe(2 * rules.length);
      expect([after.audit - before.audit, after.keyUses - before.keyUses]).toEqual([1, 1]);
    });
  }, 60_000);
});
