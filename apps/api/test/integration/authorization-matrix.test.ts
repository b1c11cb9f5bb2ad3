import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../src/trpc/app-router.ts";
import { callerFor } from "../support/callers.ts";
import { expectedAllowed, type Ids, matrixIds, PERSONAS, PROCEDURES } from "../support/procedure-catalog.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;
let ids: Ids;
const procedurePaths = Object.keys(appRouter._def.procedures).sort();

beforeAll(async () => {
  services = await createTestServices();
  ids = await matrixIds(services);
});
afterAll(() => services.cleanup());

async function call(email: string | null, path: string, input: unknown) {
  const caller = (await callerFor(services, email)) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
  const [group, name] = path.split(".") as [string, string];
  try {
    await caller[group]?.[name]?.(input);
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? "THROWN";
  }
}

describe("authorization matrix", () => {
  it("every procedure of the router has an access specification (and no stale ones)", () => {
    expect(Object.keys(PROCEDURES).sort()).toEqual(procedurePaths);
  });

  for (const path of procedurePaths) {
    for (const persona of PERSONAS) {
      for (const scope of ["own", "other"] as const) {
        it(`${path} as ${persona.label} on ${scope} institution`, async () => {
          const spec = PROCEDURES[path];
          if (!spec) throw new Error(`no spec for ${path}`);
          const outcome = await call(persona.email, path, spec.input(ids[scope], ids));
          if (expectedAllowed(spec.access, persona, scope)) {
            expect(outcome).not.toBe("FORBIDDEN");
            expect(outcome).not.toBe("UNAUTHORIZED");
            expect(outcome).not.toBe("INTERNAL_SERVER_ERROR");
          } else {
            expect(outcome).toBe(persona.email === null ? "UNAUTHORIZED" : "FORBIDDEN");
          }
        });
      }
    }
  }
});
