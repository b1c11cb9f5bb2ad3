// An export of a period is verifiable by an outside script that shares no code with us
// (scripts/verify-audit-export.mjs), and that script finds an edited, removed or forged line.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signAuditCheckpoint } from "../../src/domain/audit/audit-checkpoint.ts";
import { billingDayOf } from "../../src/domain/usage/sao-paulo-time.ts";
import { createAuditSigner } from "../../src/lib/audit-signer.ts";
import { callerFor } from "../support/callers.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

const run = promisify(execFile);
const verifier = path.join(import.meta.dirname, "../../../../scripts/verify-audit-export.mjs");
const dir = mkdtempSync(path.join(tmpdir(), "audit-export-"));

let services: TestServices;
let content: string;
let publicKey: string;
const today = billingDayOf(new Date());

beforeAll(async () => {
  services = await createTestServices();
  publicKey = services.auditSigner.publicKey;
  const admin = await callerFor(services, "admin@opus.example");
  for (const code of ["exp-a", "exp-b", "exp-c"]) await admin.plans.save({ code, name: code, size: "SMALL", active: true });
  await signAuditCheckpoint(services.db, services.auditSigner);
  await admin.plans.save({ code: "exp-d", name: "exp-d", size: "SMALL", active: true });
  content = text(await admin.audit.export({ from: today, to: today }));
});
afterAll(() => services.cleanup());

/** Runs the outside verifier on `text`; resolves with its exit code and output. */
async function verifyOutside(text: string, key: string | string[] | null = publicKey) {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, text);
  const keys = key === null ? [] : Array.isArray(key) ? key : [key];
  const args = [verifier, file, ...keys.flatMap((k) => ["--public-key", k])];
  return run(process.execPath, args).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

const text = (file: { base64: string }) => Buffer.from(file.base64, "base64").toString("utf8");
const lines = () => content.trimEnd().split("\n");
const withLine = (index: number, edit: (line: string) => string | null) =>
  `${lines()
    .flatMap((line, i) => (i === index ? [edit(line)].filter((l): l is string => l !== null) : [line]))
    .join("\n")}\n`;

describe("audit export", () => {
  it("holds the period's events in chain order, with hashes and the checkpoint, and verifies outside", async () => {
    const [header, ...rest] = lines();
    expect(JSON.parse(header ?? "")).toMatchObject({ export: { format: "opus-audit-export/v1", from: today, to: today, publicKey } });
    const events = rest.filter((l) => l.startsWith('{"event"')).map((l) => JSON.parse(l));
    expect(events.map((e) => e.event.action)).toEqual(["system.seeded", "plan.created", "plan.created", "plan.created", "plan.created"]);
    expect(rest.filter((l) => l.startsWith('{"checkpoint"'))).toHaveLength(1);
    const outside = await verifyOutside(content);
    expect(outside).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^export OK: 5 events \(1…5\), 1 checkpoints signed by the given key/),
    });
  });

  it("an edited event is found", async () => {
    const edited = withLine(3, (l) => l.replace('"exp-b"', '"exp-x"'));
    expect(await verifyOutside(edited)).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/line 4: event 3 does not match its hash/),
    });
  });

  it("a removed event is found", async () => {
    const removed = withLine(2, () => null);
    expect(await verifyOutside(removed)).toMatchObject({ code: 1, stdout: expect.stringMatching(/events are missing/) });
  });

  it("an edited event with its hash recomputed is found (the next link breaks)", async () => {
    const { createHash } = await import("node:crypto");
    const { canonicalJson } = await import("@opus/db/audit-chain");
    const forged = withLine(2, (l) => {
      const line = JSON.parse(l);
      line.event.actorEmail = "someone-else@example.com";
      return canonicalJson({ event: line.event, hash: createHash("sha256").update(canonicalJson(line.event)).digest("hex") });
    });
    expect(await verifyOutside(forged)).toMatchObject({ code: 1, stdout: expect.stringMatching(/event 3 does not link to event 2/) });
  });

  it("a checkpoint signed by another key, or a key the auditor does not trust, is refused", async () => {
    const impostor = createAuditSigner(Buffer.alloc(32, 42).toString("base64"));
    expect(await verifyOutside(content, impostor.publicKey)).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/not signed by the key/),
    });
    // Without a key given, the export's own key is used, and the report says so.
    expect(await verifyOutside(content, null)).toMatchObject({ code: 0, stdout: expect.stringMatching(/the export's own key/) });
  });

  it("after a signing-key rotation, verifies each checkpoint with the key it names, given both keys", async () => {
    const retired = createAuditSigner(Buffer.alloc(32, 43).toString("base64"));
    const admin = await callerFor(services, "admin@opus.example");
    await admin.plans.save({ code: "exp-rot-a", name: "exp-rot-a", size: "SMALL", active: true });
    await signAuditCheckpoint(services.db, retired);
    await admin.plans.save({ code: "exp-rot-b", name: "exp-rot-b", size: "SMALL", active: true });
    await signAuditCheckpoint(services.db, services.auditSigner);
    const rotated = text(await admin.audit.export({ from: today, to: today }));
    expect(await verifyOutside(rotated, [publicKey, retired.publicKey])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/3 checkpoints signed by the given keys/),
    });
    expect(await verifyOutside(rotated, publicKey)).toMatchObject({ code: 1, stdout: expect.stringMatching(/not signed by the key/) });
  });

  it("refuses a period that ends before it starts, and exports an empty period as a header alone", async () => {
    const admin = await callerFor(services, "admin@opus.example");
    await expect(admin.audit.export({ from: "2026-01-02", to: "2026-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const empty = await admin.audit.export({ from: "2020-01-01", to: "2020-01-31" });
    expect(empty.lines).toBe(0);
    expect((await verifyOutside(text(empty))).code).toBe(0);
  });
});
