import { describe, expect, it } from "vitest";
import { derivedStageState, GO_LIVE_STAGES, type GoLiveStage, type GoLiveStageState, openStagesFor } from "../src/go-live-readiness.ts";

const now = new Date("2026-12-03T12:00:00Z");
const all = (state: GoLiveStageState) => Object.fromEntries(GO_LIVE_STAGES.map((s) => [s, state])) as Record<GoLiveStage, GoLiveStageState>;

describe("go-live gates", () => {
  it("production deploy waits for the homologation work; migration only when moving from another solution", () => {
    expect(openStagesFor("PRODUCTION_DEPLOY", all("NOT_STARTED"), { migrationRequired: false })).toEqual([
      "OPENID_CERTIFICATION",
      "CONSENT_SCREENS",
      "INTEGRATION_LAYER",
    ]);
    expect(openStagesFor("PRODUCTION_DEPLOY", all("IN_PROGRESS"), { migrationRequired: true })).toContain("MIGRATION");
    expect(openStagesFor("PRODUCTION_DEPLOY", all("DONE"), { migrationRequired: true })).toEqual([]);
  });

  it("go-live waits for every stage before it, never for itself", () => {
    const open = openStagesFor("GO_LIVE", all("NOT_STARTED"), { migrationRequired: false });
    expect(open).toEqual([
      "ENVIRONMENTS",
      "OPENID_CERTIFICATION",
      "CONSENT_SCREENS",
      "INTEGRATION_LAYER",
      "FINAL_TESTS_DIRECTORY",
      "DIRECTORY_CERTIFICATES",
    ]);
    expect(openStagesFor("GO_LIVE", { ...all("DONE"), GO_LIVE: "NOT_STARTED" }, { migrationRequired: true })).toEqual([]);
  });
});

describe("derived stages", () => {
  it("environments: done when homologation and production are active", () => {
    const facts = (environments: { kind: string; status: string }[]) => ({ environments, certificates: [], now });
    expect(derivedStageState("ENVIRONMENTS", facts([]))).toBe("NOT_STARTED");
    expect(
      derivedStageState(
        "ENVIRONMENTS",
        facts([
          { kind: "HOMOLOGATION", status: "ACTIVE" },
          { kind: "PRODUCTION", status: "PROVISIONING" },
        ]),
      ),
    ).toBe("IN_PROGRESS");
    expect(
      derivedStageState(
        "ENVIRONMENTS",
        facts([
          { kind: "HOMOLOGATION", status: "ACTIVE" },
          { kind: "PRODUCTION", status: "ACTIVE" },
        ]),
      ),
    ).toBe("DONE");
  });

  it("certificates: done with a BRCAC and a BRSEAL that have not expired", () => {
    const facts = (certificates: { kind: string; notAfter: Date }[]) => ({ environments: [], certificates, now });
    const later = new Date("2027-06-01T00:00:00Z");
    expect(derivedStageState("DIRECTORY_CERTIFICATES", facts([]))).toBe("NOT_STARTED");
    expect(derivedStageState("DIRECTORY_CERTIFICATES", facts([{ kind: "BRCAC", notAfter: later }]))).toBe("IN_PROGRESS");
    expect(
      derivedStageState(
        "DIRECTORY_CERTIFICATES",
        facts([
          { kind: "BRCAC", notAfter: later },
          { kind: "BRSEAL", notAfter: now },
        ]),
      ),
    ).toBe("IN_PROGRESS");
    expect(
      derivedStageState(
        "DIRECTORY_CERTIFICATES",
        facts([
          { kind: "BRCAC", notAfter: later },
          { kind: "BRSEAL", notAfter: later },
        ]),
      ),
    ).toBe("DONE");
  });
});
