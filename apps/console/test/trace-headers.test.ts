import { describe, expect, it } from "vitest";
import { traceHeaders } from "../src/lib/trace-headers.ts";

describe("traceHeaders", () => {
  it("starts a valid W3C trace (non-zero ids) and a request id the API accepts", () => {
    const { traceparent, "x-request-id": requestId } = traceHeaders();
    const [version, traceId, spanId, flags] = traceparent.split("-");
    expect(version).toBe("00");
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(flags).toBe("01");
    expect(traceId).not.toBe("0".repeat(32));
    // The API keeps a caller's request id only when it looks like one (apps/api/src/http/create-server.ts).
    expect(requestId).toMatch(/^[\w-]{8,64}$/);
    expect(requestId.startsWith(traceId?.slice(0, 16) ?? "?")).toBe(true);
  });

  it("is new for every call", () => {
    const seen = new Set(Array.from({ length: 100 }, () => traceHeaders().traceparent));
    expect(seen.size).toBe(100);
  });
});
