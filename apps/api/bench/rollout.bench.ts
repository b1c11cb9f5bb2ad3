// `pnpm bench:rollout [environments]` (default 1,000): one rollout moving every environment to a new
// release with an engine double that answers at once, driven by the real orchestrator step and the
// real worker (4 slots). Prints total time, orchestration overhead per environment (time spent in
// the orchestrator's steps ÷ environments; goal under 20 ms) and the queue wait p99 (operation
// created → claimed), beside the same run's baseline: the same number of deploys enqueued directly
// and run by the same bare claim-and-complete loop, with no orchestrator.
// BENCH_PROFILE=1 also counts the statements sent during the orchestrator's steps and lists the
// costliest shapes by total time (the client's query events; they add a little to every figure).
import { createDb } from "@opus/db/client";
import { createTestDatabase } from "@opus/db/test-database";
import type { ProvisioningEngine } from "@opus/provisioner/engine";
import type { Actor } from "../src/authz/actor.ts";
import { systemClock } from "../src/domain/domain-context.ts";
import { enqueueOperation } from "../src/domain/environments/enqueue-operation.ts";
import { advanceRollouts } from "../src/domain/rollouts/advance-rollout.ts";
import { createRollout } from "../src/domain/rollouts/create-rollout.ts";
import { moveRollout } from "../src/domain/rollouts/move-rollout.ts";
import { LOCAL_SAAS_REGIONS } from "../src/env/saas-region-config.ts";
import { createCredentialsOpener } from "../src/lib/credentials-envelope.ts";
import { createLogger } from "../src/logger.ts";
import { createMetrics } from "../src/observability/metrics.ts";
import { createOperationWorker } from "../src/provisioning/operation-worker.ts";
import { DEFAULT_WORKER_OPTIONS } from "../src/provisioning/worker-deps.ts";
import { createFleet } from "../test/rollouts/support/fleet.ts";

const ENVIRONMENTS = Number(process.argv[2] ?? 1000);
const SLOTS = 4;
const server = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const database = await createTestDatabase(server);
const profile = process.env.BENCH_PROFILE === "1";
/** Statement shape → count and time, recorded only while an orchestrator step runs. */
const statements = new Map<string, { count: number; ms: number }>();
let inStep = false;
const onQuery = (sql: string, _params: string, ms: number) => {
  if (!inStep) return;
  const shape = sql.replace(/\$\d+(,\s*\$\d+)*/g, "$n").slice(0, 160);
  const s = statements.get(shape) ?? { count: 0, ms: 0 };
  statements.set(shape, { count: s.count + 1, ms: s.ms + ms });
};
const db = createDb(database.url, { poolSize: 8, ...(profile ? { onQuery } : {}) });
const log = createLogger("silent", "bench");
const engine: ProvisioningEngine = {
  run: async (input) => ({ summary: { same: 1 }, outputs: { namespace: input.stackName } }),
  repair: async () => {},
};
const worker = createOperationWorker(
  {
    db,
    clock: systemClock,
    log,
    metrics: createMetrics(db, "worker"),
    cipher: createCredentialsOpener({ privateKeys: [Buffer.alloc(32, 7).toString("base64")] }),
    engine,
    config: { saasRegions: LOCAL_SAAS_REGIONS, defaultRelease: { version: "5.0.0", chart: "opus-platform", repository: "oci://bench" } },
  },
  { ...DEFAULT_WORKER_OPTIONS, workerId: "bench", concurrency: SLOTS, heartbeatMs: 1_000 },
);
const drain = () =>
  Promise.all(
    Array.from({ length: SLOTS }, async () => {
      while (await worker.runNext()) {}
    }),
  );
const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(values.length * 0.99) - 1)] ?? 0;

try {
  await db.plan.create({ data: { code: "growth", name: "Growth" } });
  const admin = await db.user.create({
    data: { id: "bench-admin", email: "bench@opus.example", name: "Bench", staffRole: "ADMIN", twoFactorEnabled: true },
  });
  const actor: Actor = {
    userId: admin.id,
    email: admin.email,
    name: admin.name,
    staffRole: "ADMIN",
    twoFactorEnabled: true,
    locale: null,
    memberships: new Map(),
  };
  const releaseData = {
    chart: "opus-platform",
    chartRepository: "oci://bench",
    images: {},
    modules: [],
    kubernetesMin: "1.27",
    kubernetesMax: "1.30",
    channel: "REGULAR" as const,
    createdById: admin.id,
    status: "AVAILABLE" as const,
  };
  await db.release.create({ data: { ...releaseData, version: "5.0.0", chartVersion: "5.0.0" } });
  const target = await db.release.create({ data: { ...releaseData, version: "5.1.0", chartVersion: "5.1.0" } });
  const rolled = await createFleet(db, { tenants: ENVIRONMENTS, kinds: ["DEVELOPMENT"], release: "5.0.0" });
  const baseline = await createFleet(db, { tenants: ENVIRONMENTS, kinds: ["DEVELOPMENT"], release: "5.0.0" });
  const ctx = { db, clock: systemClock, log, actor, requestId: null, ip: null, userAgent: null, settings: { saasKubernetes: {} } } as never;

  // Baseline: enqueue every deploy directly, then the bare claim-and-complete loop.
  const baseStart = performance.now();
  const baseEnvs = await db.environment.findMany({ where: { institutionId: { in: baseline.institutionIds } }, select: { id: true } });
  for (const env of baseEnvs)
    await enqueueOperation(db, { now: new Date() }, { environmentId: env.id, kind: "UP", releaseVersion: target.version });
  await drain();
  const baseMs = performance.now() - baseStart;
  const baseOps = await db.operation.findMany({ where: { environmentId: { in: baseEnvs.map((e) => e.id) } } });

  // The rollout: plan, start, then orchestrator steps and the same loop until it succeeds.
  const planStart = performance.now();
  const created = await createRollout(ctx, {
    name: "bench",
    releaseId: target.id,
    selection: { modes: [], planIds: [], kinds: [], institutionIds: rolled.institutionIds, tenants: [] },
    waves: [
      {
        name: "All",
        maxConcurrency: { percent: 10 },
        soakMinutes: 0,
        failureThreshold: 10,
        requiresApproval: false,
        healthGate: false,
        rollbackOnBreach: false,
      },
    ],
    previewFirst: false,
    upgradeMinutes: 15,
  });
  const planMs = performance.now() - planStart;
  await moveRollout(ctx, { rolloutId: created.id, move: "start", planHash: created.planHash });
  const start = performance.now();
  let orchestrationMs = 0;
  let steps = 0;
  for (;;) {
    const t = performance.now();
    inStep = true;
    await advanceRollouts({ db, clock: systemClock, log, saasKubernetes: {} });
    inStep = false;
    orchestrationMs += performance.now() - t;
    steps++;
    const status = (await db.rollout.findUniqueOrThrow({ where: { id: created.id } })).status;
    if (status !== "RUNNING") break;
    await drain();
  }
  const totalMs = performance.now() - start;
  const ops = await db.operation.findMany({ where: { environment: { institutionId: { in: rolled.institutionIds } } } });
  const upgraded = await db.rolloutTarget.count({ where: { rolloutId: created.id, status: "UPGRADED" } });
  const wait = (o: { createdAt: Date; startedAt: Date | null }) => (o.startedAt?.getTime() ?? 0) - o.createdAt.getTime();

  console.log(`rollout of ${ENVIRONMENTS} environments (engine double answering at once, ${SLOTS} worker slots, wave concurrency 10%)`);
  console.log(`  upgraded ${upgraded}/${ENVIRONMENTS}, ${ops.length} operations, ${steps} orchestrator steps`);
  console.log(`  plan (compute + store ${ENVIRONMENTS} targets): ${planMs.toFixed(0)} ms`);
  console.log(`  total: ${(totalMs / 1000).toFixed(1)} s`);
  console.log(`  orchestration overhead per environment: ${(orchestrationMs / ENVIRONMENTS).toFixed(2)} ms`);
  console.log(`  queue wait p99: ${p99(ops.map(wait)).toFixed(0)} ms`);
  console.log(`baseline (same run): ${ENVIRONMENTS} deploys enqueued directly, bare claim-and-complete loop`);
  console.log(`  total: ${(baseMs / 1000).toFixed(1)} s (${(baseMs / ENVIRONMENTS).toFixed(2)} ms per environment)`);
  console.log(`  queue wait p99: ${p99(baseOps.map(wait)).toFixed(0)} ms`);
  if (profile) {
    const all = [...statements.values()].reduce((a, s) => ({ count: a.count + s.count, ms: a.ms + s.ms }), { count: 0, ms: 0 });
    console.log(
      `orchestrator statements: ${all.count} (${(all.count / ENVIRONMENTS).toFixed(1)} per environment), ${all.ms.toFixed(0)} ms in the database`,
    );
    for (const [shape, s] of [...statements].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12))
      console.log(`  ${String(s.count).padStart(6)} × ${s.ms.toFixed(0).padStart(6)} ms  ${shape}`);
  }
} finally {
  await worker.stop();
  await db.$disconnect();
  await database.drop();
}
