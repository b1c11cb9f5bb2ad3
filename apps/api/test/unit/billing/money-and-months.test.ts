import { describe, expect, it } from "vitest";
import { centavosText, exact, formatBrl, roundToCentavos } from "../../../src/domain/billing/money.ts";
import { addMonths, billingDayOf, billingMonthOf, daysOfMonth, monthBounds } from "../../../src/domain/usage/sao-paulo-time.ts";

describe("money", () => {
  it("formats BRL the Brazilian way from integer centavos", () => {
    expect(formatBrl(235_185)).toBe("R$ 2.351,85");
    expect(formatBrl(5)).toBe("R$ 0,05");
    expect(formatBrl(-123_456_789)).toBe("-R$ 1.234.567,89");
    expect(formatBrl(235_185, "en")).toBe("R$2,351.85");
    expect(centavosText(235_185)).toBe("2351.85");
    expect(centavosText(-5)).toBe("-0.05");
  });

  it("rounds half to even, exactly, whatever the binary representation", () => {
    expect(roundToCentavos(exact("0.125"))).toBe(12);
    expect(roundToCentavos(exact("0.135"))).toBe(14);
    expect(roundToCentavos(exact("0.1250001"))).toBe(13);
    // 0.1 + 0.2 in floating point is 0.30000000000000004; exact decimals are not.
    expect(exact("0.1").plus(exact("0.2")).toFixed()).toBe("0.3");
    expect(roundToCentavos(exact("1234567890123.455"))).toBe(123_456_789_012_346);
    expect(() => exact("1e3")).toThrow();
  });
});

describe("São Paulo months", () => {
  it("start and end at midnight in São Paulo (03:00 UTC)", () => {
    const { start, end } = monthBounds("2026-12");
    expect(start.toISOString()).toBe("2026-12-01T03:00:00.000Z");
    expect(end.toISOString()).toBe("2027-01-01T03:00:00.000Z");
  });

  it("put an instant in the month and day its São Paulo wall clock shows", () => {
    expect(billingMonthOf(new Date("2026-12-01T02:59:59.999Z"))).toBe("2026-11");
    expect(billingMonthOf(new Date("2026-12-01T03:00:00Z"))).toBe("2026-12");
    expect(billingDayOf(new Date("2026-12-01T02:30:00Z"))).toBe("2026-11-30");
    expect(billingMonthOf(new Date("2027-01-01T02:00:00Z"))).toBe("2026-12");
  });

  it("follow the time zone database, including years Brazil had daylight saving", () => {
    // November 2018 had DST from 4 November (UTC-2): the month still starts at 03:00 UTC on the 1st
    // and December starts at 02:00 UTC.
    expect(monthBounds("2018-11").start.toISOString()).toBe("2018-11-01T03:00:00.000Z");
    expect(monthBounds("2018-12").start.toISOString()).toBe("2018-12-01T02:00:00.000Z");
  });

  it("count and step months", () => {
    expect(daysOfMonth("2028-02")).toHaveLength(29);
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
  });
});
