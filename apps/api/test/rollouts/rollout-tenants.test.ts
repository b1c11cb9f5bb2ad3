// Tenants named by slug (as the console's wave form sends them): resolved to the institutions the
// planner selects by, in the selection and in each wave; an unknown slug is refused by name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "../support/callers.ts";
import { makeRelease } from "../support/release-fixtures.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { createFleet } from "./support/fleet.ts";

let services: TestServices;
let target: { id: string; version: string };
beforeAll(async () => {
  services = await createTestServices();
  await makeRelease(services.db, "AVAILABLE", "6.0.0");
  target = await makeRelease(services.db, "AVAILABLE", "6.1.0");
});
afterAll(() => services.cleanup());

const wave = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  maxConcurrency: { percent: 50 },
  soakMinutes: 30,
  failureThreshold: 1,
  ...extra,
});

describe("tenants by slug", () => {
  it("takes the named tenants into the selection and into the wave that names them", async () => {
    const fleet = await createFleet(services.db, { tenants: 4, kinds: ["DEVELOPMENT"], release: "6.0.0" });
    const slugs = await services.db.institution.findMany({
      where: { id: { in: fleet.institutionIds } },
      orderBy: { slug: "asc" },
      select: { id: true, slug: true },
    });
    const [a, b, c] = slugs as [(typeof slugs)[0], (typeof slugs)[0], (typeof slugs)[0]];
    const api = await callerFor(services, "admin@opus.example");
    const created = await api.rollouts.create({
      name: "By slug",
      releaseId: target.id,
      selection: { tenants: [a.slug, b.slug, c.slug] },
      waves: [wave("Canary", { tenants: [b.slug] }), wave("Rest")],
    });
    const placed = created.plan.environments.map((e) => [e.institutionId, e.wave]);
    expect(placed.sort()).toEqual(
      [
        [a.id, 1],
        [b.id, 0],
        [c.id, 1],
      ].sort(),
    );
  });

  it("refuses an unknown slug by name and plans nothing", async () => {
    const api = await callerFor(services, "admin@opus.example");
    const before = await services.db.rollout.count();
    await expect(
      api.rollouts.create({
        name: "Unknown",
        releaseId: target.id,
        selection: {},
        waves: [wave("Canary", { tenants: ["banco-aurora", "no-such-bank"] })],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: 'No tenant has the slug "no-such-bank".' });
    expect(await services.db.rollout.count()).toBe(before);
  });
});
