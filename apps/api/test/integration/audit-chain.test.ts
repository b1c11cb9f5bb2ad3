// The audit trail is a hash chain a regulator can rely on: concurrent writers never fork it, signed
// checkpoints pin its head, and editing, deleting or inserting any single row is found and named.
// Tampering is done as a database superuser would (triggers bypassed), each case on its own database.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { auditEventHash } from "@opus/db/audit-chain";
import { createDb, type Db } from "@opus/db/client";
import { createTestDatabase } from "@opus/db/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signAuditCheckpoint } from "../../src/domain/audit/audit-checkpoint.ts";
import { audited } from "../../src/domain/audit/audited.ts";
import { SYSTEM_SOURCE } from "../../src/domain/audit/system-source.ts";
import { verifyAuditChain } from "../../src/domain/audit/verify-audit-chain.ts";
import { auditKeyId, createAuditSigner } from "../../src/lib/audit-signer.ts";
import { concurrently } from "../support/concurrently.ts";
import { serverUrl, TEST_AUDIT_SIGNING_KEY } from "../support/test-services.ts";

const signer = createAuditSigner(TEST_AUDIT_SIGNING_KEY);
const opened: { db: Db; drop: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const { db, drop } of opened) {
    await db.$disconnect();
    await drop();
  }
});

/** A migrated, empty database (the chain head at zero). */
async function freshChain(): Promise<{ db: Db; url: string }> {
  const database = await createTestDatabase(serverUrl());
  const db = createDb(database.url, { poolSize: 8 });
  opened.push({ db, drop: database.drop });
  return { db, url: database.url };
}

let planCount = 0;
/** One audited change (a plan), as any procedure makes. */
function auditedWrite(db: Db, note: string) {
  const code = `chain-${planCount++}`;
  return audited({ ...SYSTEM_SOURCE, ip: "203.0.113.7", requestId: note }, db, async (tx) => {
    const plan = await tx.plan.create({ data: { code, name: code, size: "SMALL" } });
    return {
      result: plan,
      audit: { action: "plan.created", targetType: "plan", targetId: plan.id, data: { code, note, nested: { b: 1, a: [1, "x"] } } },
    };
  });
}

async function chainOf(db: Db, n: number) {
  for (let i = 0; i < n; i++) await auditedWrite(db, `event ${i + 1}`);
}

/** Runs SQL as a superuser who switched triggers off: what an attacker with database access can do. */
async function tamper(db: Db, statements: string[]) {
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    for (const sql of statements) await tx.$executeRawUnsafe(sql);
  });
}

const verify = (db: Db) => verifyAuditChain(db, signer.trustedPublicKeys);

describe("audit hash chain", () => {
  let shared: Db;
  beforeAll(async () => {
    shared = (await freshChain()).db;
  });

  it("stays one linear chain under 50 concurrent audited writes", async () => {
    const outcomes = await concurrently(50, (i) => auditedWrite(shared, `concurrent ${i}`));
    expect(outcomes.errors).toEqual([]);
    const events = await shared.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(events.map((e) => Number(e.seq))).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    for (const [i, event] of events.entries()) {
      expect(event.prevHash).toBe(i === 0 ? "0".repeat(64) : events[i - 1]?.hash);
      expect(event.hash).toBe(auditEventHash({ ...event, prevHash: event.prevHash ?? "" }));
    }
    // Times follow the chain: each event was timed under the head's lock.
    const times = events.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const head = await shared.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    expect(head).toMatchObject({ seq: 50n, headHash: events.at(-1)?.hash });
    expect(await verify(shared)).toMatchObject({ ok: true, length: "50", firstBreak: null });
  });

  it("reads as intact while writers keep appending: the head and the events are one snapshot", async () => {
    const { db } = await freshChain();
    await chainOf(db, 5);
    let writing = true;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; writing; i++) await auditedWrite(db, `writer ${w} ${i}`);
    });
    const reports = [];
    for (let i = 0; i < 25; i++) reports.push(await verify(db));
    writing = false;
    await Promise.all(writers);
    expect(reports.map((r) => r.firstBreak)).toEqual(reports.map(() => null));
    // The writers really were appending while it read.
    expect(new Set(reports.map((r) => r.length)).size).toBeGreaterThan(1);
  });

  it("signs a checkpoint of the head once, and verifies it", async () => {
    expect(await signAuditCheckpoint(shared, signer)).toMatchObject({ seq: 50n });
    // The same head again (another replica, the next tick) is not signed twice.
    expect(await signAuditCheckpoint(shared, signer)).toBeNull();
    await auditedWrite(shared, "after the checkpoint");
    await signAuditCheckpoint(shared, signer);
    const report = await verify(shared);
    expect(report).toMatchObject({ ok: true, length: "51", checkpoints: { total: 2, verified: 2, latestSeq: "51" } });
  });

  it("is refused UPDATE, DELETE and TRUNCATE by the database itself", async () => {
    const [event] = await shared.auditEvent.findMany({ take: 1 });
    await expect(shared.$executeRawUnsafe(`UPDATE audit_event SET action = 'x' WHERE id = '${event?.id}'`)).rejects.toThrow(/append-only/);
    await expect(shared.$executeRawUnsafe(`DELETE FROM audit_event WHERE id = '${event?.id}'`)).rejects.toThrow(/append-only/);
    await expect(shared.$executeRawUnsafe("TRUNCATE audit_event")).rejects.toThrow(/append-only/);
    await expect(shared.$executeRawUnsafe("DELETE FROM audit_checkpoint")).rejects.toThrow(/append-only/);
    await expect(shared.$executeRawUnsafe(`UPDATE audit_chain_head SET seq = 3`)).rejects.toThrow(/only advances/);
    await expect(shared.$executeRawUnsafe("DELETE FROM audit_chain_head")).rejects.toThrow(/only advances/);
    expect((await verify(shared)).ok).toBe(true);
  });
});

describe("tampering with one row is found and named", () => {
  it("an edited row", async () => {
    const { db } = await freshChain();
    await chainOf(db, 10);
    await tamper(db, [`UPDATE audit_event SET "actorEmail" = 'someone-else@example.com' WHERE seq = 4`]);
    expect((await verify(db)).firstBreak).toMatchObject({ seq: "4", reason: expect.stringMatching(/was changed/) });
  });

  it("an edited row whose hash was recomputed (the next link breaks)", async () => {
    const { db } = await freshChain();
    await chainOf(db, 10);
    const row = await db.auditEvent.findUniqueOrThrow({ where: { seq: 6n } });
    const forged = { ...row, data: { code: "forged" }, prevHash: row.prevHash ?? "" };
    await tamper(db, [`UPDATE audit_event SET data = '{"code":"forged"}', hash = '${auditEventHash(forged)}' WHERE seq = 6`]);
    expect((await verify(db)).firstBreak).toMatchObject({ seq: "7", reason: expect.stringMatching(/does not link to event 6/) });
  });

  it("a deleted row", async () => {
    const { db } = await freshChain();
    await chainOf(db, 10);
    await tamper(db, ["DELETE FROM audit_event WHERE seq = 5"]);
    expect((await verify(db)).firstBreak).toMatchObject({ seq: "5", reason: expect.stringMatching(/Event 5 is missing/) });
  });

  it("the last row deleted and the head moved back (a signed checkpoint still counts it)", async () => {
    const { db } = await freshChain();
    await chainOf(db, 10);
    await signAuditCheckpoint(db, signer);
    const ninth = await db.auditEvent.findUniqueOrThrow({ where: { seq: 9n } });
    await tamper(db, ["DELETE FROM audit_event WHERE seq = 10", `UPDATE audit_chain_head SET seq = 9, "headHash" = '${ninth.hash}'`]);
    expect((await verify(db)).firstBreak).toMatchObject({ seq: "10", reason: expect.stringMatching(/not in the chain/) });
  });

  it("an inserted row, correctly linked and hashed, past the head", async () => {
    const { db } = await freshChain();
    await chainOf(db, 10);
    const last = await db.auditEvent.findUniqueOrThrow({ where: { seq: 10n } });
    const inserted = { ...last, id: "inserted-event", seq: 11n, prevHash: last.hash ?? "", action: "plan.updated" };
    await tamper(db, [
      `INSERT INTO audit_event (id, seq, action, "createdAt", data, "prevHash", hash) VALUES ('inserted-event', 11, 'plan.updated',
        '${last.createdAt.toISOString()}', '${JSON.stringify(last.data)}', '${last.hash}', '${auditEventHash({ ...inserted, actorId: null, actorEmail: null, institutionId: null, targetType: null, targetId: null, ip: null, userAgent: null, requestId: null })}')`,
    ]);
    expect((await verify(db)).firstBreak).toMatchObject({
      seq: "11",
      eventId: "inserted-event",
      reason: expect.stringMatching(/past the chain head/),
    });
  });

  it("the whole tail rewritten with valid hashes: the signed checkpoint no longer matches", async () => {
    const { db } = await freshChain();
    await chainOf(db, 10);
    await signAuditCheckpoint(db, signer);
    const rows = await db.auditEvent.findMany({ where: { seq: { gte: 3n } }, orderBy: { seq: "asc" } });
    let prev = (await db.auditEvent.findUniqueOrThrow({ where: { seq: 2n } })).hash ?? "";
    const statements: string[] = [];
    for (const row of rows) {
      const data = row.seq === 3n ? { code: "rewritten" } : row.data;
      const hash = auditEventHash({ ...row, data, prevHash: prev });
      statements.push(
        `UPDATE audit_event SET data = '${JSON.stringify(data)}', "prevHash" = '${prev}', hash = '${hash}' WHERE seq = ${row.seq}`,
      );
      prev = hash;
    }
    statements.push(`UPDATE audit_chain_head SET "headHash" = '${prev}'`);
    await tamper(db, statements);
    expect((await verify(db)).firstBreak).toMatchObject({ seq: "10", reason: expect.stringMatching(/rewritten/) });
  });

  it("a checkpoint not signed by the configured key", async () => {
    const { db } = await freshChain();
    await chainOf(db, 3);
    const impostor = createAuditSigner(Buffer.alloc(32, 99).toString("base64"));
    await signAuditCheckpoint(db, impostor);
    expect((await verify(db)).firstBreak).toMatchObject({ seq: "3", reason: expect.stringMatching(/not signed by the configured/) });
  });
});

describe("signing-key rotation", () => {
  const retired = createAuditSigner(Buffer.alloc(32, 21).toString("base64"));
  const current = createAuditSigner(Buffer.alloc(32, 22).toString("base64"), [retired.publicKey]);

  it("checkpoints of a retired key still verify with their recorded key; each key is counted", async () => {
    const { db } = await freshChain();
    await chainOf(db, 2);
    await signAuditCheckpoint(db, retired);
    await chainOf(db, 2);
    await signAuditCheckpoint(db, current);
    const report = await verifyAuditChain(db, current.trustedPublicKeys);
    expect(report).toMatchObject({ ok: true, firstBreak: null, checkpoints: { total: 2, verified: 2 } });
    expect(report.checkpoints.byKey).toEqual({ [auditKeyId(retired.publicKey)]: 1, [auditKeyId(current.publicKey)]: 1 });
    // The retired key is trusted only because the verifier was told so.
    const withoutRetired = await verifyAuditChain(db, [current.publicKey]);
    expect(withoutRetired.firstBreak).toMatchObject({ seq: "2", reason: expect.stringMatching(/not signed by the configured audit key/) });
  });

  it("a checkpoint that names a trusted key but was signed by another is a break", async () => {
    const { db } = await freshChain();
    await chainOf(db, 2);
    await signAuditCheckpoint(db, createAuditSigner(Buffer.alloc(32, 23).toString("base64")));
    await tamper(db, [`UPDATE audit_checkpoint SET "publicKey" = '${retired.publicKey}'`]);
    expect((await verifyAuditChain(db, current.trustedPublicKeys)).firstBreak).toMatchObject({ seq: "2" });
  });
});

describe("pnpm audit:verify", () => {
  const run = promisify(execFile);
  const script = path.join(import.meta.dirname, "../../src/verify-audit.ts");
  const tsx = path.join(import.meta.dirname, "../../node_modules/.bin/tsx");

  it("prints OK for an intact chain and names the first broken link otherwise (exit 1)", async () => {
    const { db, url } = await freshChain();
    await chainOf(db, 5);
    await signAuditCheckpoint(db, signer);
    const env = { ...process.env, DATABASE_URL: url, AUDIT_SIGNING_KEY: TEST_AUDIT_SIGNING_KEY };
    const ok = await run(tsx, [script], { env });
    expect(ok.stdout).toMatch(/^audit chain OK: 5 events, 1\/1 signed checkpoints verified/);
    await tamper(db, ["DELETE FROM audit_event WHERE seq = 2"]);
    const broken = await run(tsx, [script], { env }).catch((error: { code: number; stdout: string }) => error);
    expect(broken).toMatchObject({ code: 1, stdout: expect.stringMatching(/^audit chain BROKEN at event 2: Event 2 is missing/) });
  });

  it("after a rotation, verifies checkpoints of the retired key given in AUDIT_RETIRED_PUBLIC_KEYS", async () => {
    const { db, url } = await freshChain();
    const retiredKey = Buffer.alloc(32, 31).toString("base64");
    const retired = createAuditSigner(retiredKey);
    await chainOf(db, 3);
    await signAuditCheckpoint(db, retired);
    await chainOf(db, 1);
    await signAuditCheckpoint(db, signer);
    const env = { ...process.env, DATABASE_URL: url, AUDIT_SIGNING_KEY: TEST_AUDIT_SIGNING_KEY };
    const rotated = await run(tsx, [script], { env: { ...env, AUDIT_RETIRED_PUBLIC_KEYS: retired.publicKey } });
    expect(rotated.stdout).toMatch(
      /^audit chain OK: 4 events, 2\/2 signed checkpoints verified \(1 by key [0-9a-f]{16}, 1 by key [0-9a-f]{16}\)/,
    );
    const unaware = await run(tsx, [script], { env }).catch((error: { code: number; stdout: string }) => error);
    expect(unaware).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/^audit chain BROKEN at event 3: The checkpoint at event 3 is not signed/),
    });
  });
});
