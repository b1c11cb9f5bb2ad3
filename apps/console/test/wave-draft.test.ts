// The rollout form's waves: what a person fills in becomes the API's wave specs (rings by kind,
// mode and tenant; a count or a percentage at once; the gates), and what cannot be is named by
// wave and field.
import { describe, expect, it } from "vitest";
import { defaultWaves, moveWave, newWave, parseTenants, waveSpecsOf } from "../src/components/rollouts/wave-draft.ts";

describe("wave draft", () => {
  it("turns the default rings into specs the API takes", () => {
    const result = waveSpecsOf(defaultWaves({ lower: "Dev and hom", production: "Production" }));
    expect(result).toEqual({
      specs: [
        {
          name: "Dev and hom",
          kinds: ["DEVELOPMENT", "HOMOLOGATION"],
          maxConcurrency: { percent: 25 },
          soakMinutes: 60,
          failureThreshold: 2,
          requiresApproval: false,
          healthGate: false,
          rollbackOnBreach: false,
        },
        {
          name: "Production",
          kinds: ["PRODUCTION"],
          maxConcurrency: { count: 5 },
          soakMinutes: 0,
          failureThreshold: 1,
          requiresApproval: false,
          healthGate: true,
          rollbackOnBreach: false,
        },
      ],
    });
  });

  it("takes tenants by slug and modes, and drops rollback on a breach without the health gate", () => {
    const wave = newWave({
      name: " Canary ",
      modes: ["SAAS"],
      tenants: "banco-aurora, fintech-sertao\nbanco-aurora",
      rollbackOnBreach: true,
    });
    const result = waveSpecsOf([wave]);
    expect(result).toMatchObject({
      specs: [{ name: "Canary", modes: ["SAAS"], tenants: ["banco-aurora", "fintech-sertao"], rollbackOnBreach: false }],
    });
    expect("specs" in result && "kinds" in (result.specs[0] ?? {})).toBe(false);
    expect(waveSpecsOf([{ ...wave, healthGate: true }])).toMatchObject({ specs: [{ healthGate: true, rollbackOnBreach: true }] });
  });

  it("names each field to fix, by wave", () => {
    const result = waveSpecsOf([
      newWave({ name: "ok" }),
      newWave({ name: " ", concurrency: "2.5", soakMinutes: "-1", failureThreshold: "" }),
    ]);
    expect(result).toEqual({
      errors: [
        { wave: 1, field: "name", problem: "required" },
        { wave: 1, field: "concurrency", problem: "wholeNumber" },
        { wave: 1, field: "soakMinutes", problem: "wholeNumber" },
        { wave: 1, field: "failureThreshold", problem: "wholeNumber" },
      ],
    });
  });

  it("reorders waves, the order they run in, and stays put at the ends", () => {
    const [a, b, c] = [newWave({ name: "a" }), newWave({ name: "b" }), newWave({ name: "c" })];
    expect(moveWave([a, b, c], 2, -1).map((w) => w.name)).toEqual(["a", "c", "b"]);
    expect(moveWave([a, b, c], 0, -1).map((w) => w.name)).toEqual(["a", "b", "c"]);
    expect(parseTenants(" ; ")).toEqual([]);
  });
});
