import { describe, expect, it } from "vitest";
import { brlInputText, formatBrl, parseBrl } from "../src/brl.ts";

describe("parseBrl: what a person types, to integer centavos", () => {
  it.each([
    ["1.234,56", 123_456],
    ["1234,56", 123_456],
    ["R$ 1.234,56", 123_456],
    ["R$1.234.567,8", 123_456_780],
    ["0,05", 5],
    ["12", 1_200],
    ["12,", null],
    ["-3,5", -350],
    ["-0", 0],
  ] as const)("pt-BR %s → %s", (text, centavos) => {
    expect(parseBrl(text, "pt-BR")).toBe(centavos);
  });

  it.each([
    ["1,234.56", 123_456],
    ["1234.56", 123_456],
    ["R$2,351.85", 235_185],
    ["0.1", 10],
  ] as const)("en %s → %s", (text, centavos) => {
    expect(parseBrl(text, "en")).toBe(centavos);
  });

  it.each(["", "R$", "abc", "1,234", "1.23.4", "12.3456", "1,2,3", "1.2345,00", "0,001", "1e3", "99999999999999999999"])(
    "refuses %j in pt-BR",
    (text) => {
      expect(parseBrl(text, "pt-BR")).toBeNull();
    },
  );

  it("reads back every amount it formats, in both languages", () => {
    for (const centavos of [0, 5, 99, 100, 123_456, 235_185, 1_000_000_00, -4_200]) {
      expect(parseBrl(formatBrl(centavos, "pt-BR"), "pt-BR")).toBe(centavos);
      expect(parseBrl(formatBrl(centavos, "en"), "en")).toBe(centavos);
      expect(parseBrl(brlInputText(centavos, "pt-BR"), "pt-BR")).toBe(centavos);
      expect(parseBrl(brlInputText(centavos, "en"), "en")).toBe(centavos);
    }
  });
});
