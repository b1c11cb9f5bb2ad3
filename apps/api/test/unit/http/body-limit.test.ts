// The tRPC handler's body limit per request: the ordinary limit, a listed procedure's larger one, and
// for a batch the largest of its procedures'. Nothing else (an unknown or inherited name) gets more.
import { describe, expect, it } from "vitest";
import { bodyLimitOf } from "../../../src/http/trpc-handler.ts";

const larger = { "goLive.addEvidenceFile": 12_000_000 };

describe("bodyLimitOf", () => {
  it("gives a listed procedure its own limit and every other the ordinary one", () => {
    expect(bodyLimitOf("/api/trpc/goLive.addEvidenceFile", "/api/trpc", 262_144, larger)).toBe(12_000_000);
    expect(bodyLimitOf("/api/trpc/goLive.updateStage", "/api/trpc", 262_144, larger)).toBe(262_144);
    expect(bodyLimitOf("/api/trpc/goLive.addEvidenceFile?batch=1", "/api/trpc", 262_144, larger)).toBe(12_000_000);
  });

  it("gives a batch the largest of its procedures' limits, names encoded or not", () => {
    expect(bodyLimitOf("/api/trpc/me.get,goLive.addEvidenceFile?batch=1", "/api/trpc", 262_144, larger)).toBe(12_000_000);
    expect(bodyLimitOf("/api/trpc/me.get%2CgoLive.addEvidenceFile?batch=1", "/api/trpc", 262_144, larger)).toBe(12_000_000);
    expect(bodyLimitOf("/api/trpc/me.get,members.invite?batch=1", "/api/trpc", 262_144, larger)).toBe(262_144);
  });

  it("never reads a name from the object's prototype or outside the endpoint", () => {
    expect(bodyLimitOf("/api/trpc/constructor", "/api/trpc", 262_144, larger)).toBe(262_144);
    expect(bodyLimitOf("/api/trpc/__proto__", "/api/trpc", 262_144, larger)).toBe(262_144);
    expect(bodyLimitOf("/elsewhere/goLive.addEvidenceFile", "/api/trpc", 262_144, larger)).toBe(262_144);
  });
});
