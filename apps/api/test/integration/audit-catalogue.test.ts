// Every mutation of the router, from the procedure catalogue: a successful call writes exactly one
// audit event (in its transaction, with a known action), and a call the domain refuses (bad state,
// unknown record) writes none and changes nothing it was asked to change.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { AUDIT_ACTIONS } from "@opus/rules/audit-actions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../src/trpc/app-router.ts";
import { callerFor } from "../support/callers.ts";
import { arrange, PROCEDURES, type ProcedureSpec } from "../support/procedure-catalog.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

const mutations = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
  .filter(([, procedure]) => procedure._def.type === "mutation")
  .map(([path]) => path)
  .sort();

/** Opus admin may call every procedure; public ones are called signed out. */
function callerEmail(spec: ProcedureSpec) {
  return spec.access.kind === "public" ? null : "admin@opus.example";
}

async function call(email: string | null, path: string, input: unknown) {
  const caller = (await callerFor(services, email)) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
  const [group, name] = path.split(".") as [string, string];
  const procedure = caller[group]?.[name];
  if (!procedure) throw new Error(`no procedure ${path}`);
  return procedure(input).then(
    () => "ok",
    (error: { code?: string; message?: string }) => error.code ?? `THROWN ${error.message}`,
  );
}

/** Every table a mutation writes to, as row counts, so "nothing changed" is checked, not assumed. */
async function counts() {
  const db = services.db;
  const [audit, ...rows] = await Promise.all([
    db.auditEvent.count(),
    db.institution.count(),
    db.membership.count(),
    db.invitation.count({ where: { revokedAt: null, acceptedAt: null } }),
    db.operation.count(),
    db.operation.count({ where: { status: "CANCELLED" } }),
    db.certificate.count(),
    db.approvalRequest.count({ where: { status: "PENDING" } }),
    db.signupRequest.count({ where: { status: "PENDING" } }),
    db.apiKey.count(),
    db.plan.count(),
    db.user.count(),
  ]);
  return { audit, rows };
}

describe("audit catalogue", () => {
  it("finds the router's mutations", () => {
    expect(mutations.length).toBeGreaterThanOrEqual(29);
  });

  it("has one writer of audit events: recordAudit (through audited, or the worker's own record of a run)", () => {
    const src = path.join(import.meta.dirname, "../../src");
    const dbSrc = path.join(import.meta.dirname, "../../../../packages/db/src");
    const files = (dir: string, pattern: RegExp) =>
      readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".ts") && !f.startsWith("generated"))
        .filter((f) => pattern.test(readFileSync(path.join(dir, f), "utf8")));
    const rawWrite = /auditEvent\.(create|createMany|update|upsert|delete)|INSERT INTO "?audit_event/;
    // The API appends only through recordAudit; the chain's append is the one raw write.
    expect(files(src, rawWrite)).toEqual([]);
    expect(files(src, /appendAuditEvent\(/)).toEqual([path.join("domain", "audit", "record-audit.ts")]);
    expect(files(dbSrc, rawWrite)).toEqual(["audit-chain.ts"]);
  });

  for (const path of mutations) {
    it(`${path}: one audit event on success`, async () => {
      const spec = PROCEDURES[path];
      if (!spec) throw new Error(`no spec for ${path}`);
      const tenant = await arrange(services.db, spec, "own");
      const input = await spec.input({ db: services.db, services, tenant });
      const seen = (await services.db.auditEvent.findMany({ select: { id: true } })).map((e) => e.id);
      expect(await call(callerEmail(spec), path, input)).toBe("ok");
      const written = await services.db.auditEvent.findMany({ where: { id: { notIn: seen } } });
      expect(written.map((e) => e.action)).toHaveLength(1);
      const [event] = written;
      expect(AUDIT_ACTIONS).toContain(event?.action);
      // A tenant's action is in that tenant's trail.
      if (typeof input.institutionId === "string") expect(event?.institutionId).toBe(input.institutionId);
    });

    it(`${path}: no audit event, nothing changed, when the domain refuses it`, async () => {
      const spec = PROCEDURES[path];
      if (!spec) throw new Error(`no spec for ${path}`);
      const failure = spec.failure;
      if (!failure) throw new Error(`${path} is a mutation: its spec must say how it fails (or why it cannot)`);
      if ("none" in failure) return expect(failure.none.length).toBeGreaterThan(10);
      const tenant = await arrange(services.db, spec, "own");
      const { input, code } = await failure({ db: services.db, services, tenant });
      const before = await counts();
      expect(await call(callerEmail(spec), path, input)).toBe(code);
      expect(await counts()).toEqual(before);
    });
  }
});
