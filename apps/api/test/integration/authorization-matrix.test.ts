// Every procedure × every persona × own/other institution, generated from the router. Allowed calls
// run against real records and must succeed; refused ones must say why (401/403). Every procedure
// that addresses a record by its own id is also called with another tenant's real record under the
// caller's own institution: NOT_FOUND, and that record is left exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../src/trpc/app-router.ts";
import { callerFor } from "../support/callers.ts";
import { arrange, expectedAllowed, PERSONAS, PROCEDURES, type ProcedureSpec, SECONDARY_KINDS } from "../support/procedure-catalog.ts";
import { makeTenant } from "../support/tenant-fixtures.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;
const procedurePaths = Object.keys(appRouter._def.procedures).sort();

beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

async function call(email: string | null, path: string, input: unknown) {
  const caller = (await callerFor(services, email)) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
  const [group, name] = path.split(".") as [string, string];
  try {
    await caller[group]?.[name]?.(input);
    return "ok";
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    return code ? `${code}` : `THROWN ${message}`;
  }
}

function specOf(path: string): ProcedureSpec {
  const spec = PROCEDURES[path];
  if (!spec) throw new Error(`no spec for ${path}`);
  return spec;
}

describe("authorization matrix", () => {
  it("every procedure of the router has an access specification (and no stale ones)", () => {
    expect(Object.keys(PROCEDURES).sort()).toEqual(procedurePaths);
  });

  for (const path of procedurePaths) {
    for (const persona of PERSONAS) {
      for (const scope of ["own", "other"] as const) {
        it(`${path} as ${persona.label} on ${scope} institution`, async () => {
          const spec = specOf(path);
          const tenant = await arrange(services.db, spec, scope);
          const outcome = await call(persona.email, path, await spec.input({ db: services.db, services, tenant }));
          if (expectedAllowed(spec.access, persona, scope)) expect(outcome).toBe("ok");
          else expect(outcome).toBe(persona.email === null ? "UNAUTHORIZED" : "FORBIDDEN");
        });
      }
    }
  }
});

describe("another tenant's record under my own institution is not found, and left as it was", () => {
  const withSecondary = procedurePaths.filter((path) => specOf(path).secondary);

  it("covers every procedure that takes a record id besides the institution's", () => {
    // A procedure whose spec input carries an *Id (or cursor) field other than institutionId must declare it.
    expect(withSecondary.length).toBeGreaterThanOrEqual(14);
  });

  for (const path of withSecondary) {
    for (const persona of PERSONAS) {
      const spec = specOf(path);
      if (persona.email === null || !expectedAllowed(spec.access, persona, "own")) continue;
      it(`${path} as ${persona.label}`, async () => {
        const secondary = spec.secondary;
        if (!secondary) throw new Error("unreachable");
        const kind = SECONDARY_KINDS[secondary.kind];
        const mine = await arrange(services.db, spec, "own");
        // The other tenant is in the same state, so the call would succeed there: only the scope stops it.
        const theirs = await makeTenant(services.db, spec.tenant);
        const theirId = await kind.make({ db: services.db, services, tenant: theirs });
        const input = { ...(await spec.input({ db: services.db, services, tenant: mine })), [secondary.field]: theirId };
        const before = await kind.read(services.db, theirId);
        const auditBefore = await services.db.auditEvent.count();
        expect(before).not.toBeNull();
        expect(await call(persona.email, path, input)).toBe("NOT_FOUND");
        expect(await kind.read(services.db, theirId)).toEqual(before);
        expect(await services.db.auditEvent.count()).toBe(auditBefore);
      });
    }
  }
});
