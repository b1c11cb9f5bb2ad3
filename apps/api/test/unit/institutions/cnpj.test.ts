import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  CNPJ_MESSAGES,
  computeCnpjCheckDigits,
  formatCnpj,
  normalizeCnpj,
  validateCnpj,
  zCnpj,
} from "../../../src/domain/institutions/cnpj.ts";

const VALID = [
  "11222333000181",
  "44555666000181",
  "12ABC34501DE35",
  // Remainders of exactly 1 (first and second digit) and 0: the "remainder < 2 → 0" branch.
  "11222333002800",
  "11222333001900",
  "12ABC34501CC00",
];

/** Every other digit in one check-digit position: each must be refused. */
function withWrongDigit(cnpj: string, position: 12 | 13): string[] {
  const right = cnpj[position];
  return "0123456789"
    .split("")
    .filter((d) => d !== right)
    .map((d) => `${cnpj.slice(0, position)}${d}${cnpj.slice(position + 1)}`);
}

describe("computeCnpjCheckDigits", () => {
  it("computes the published examples, numeric and alphanumeric", () => {
    expect(computeCnpjCheckDigits("112223330001")).toBe("81");
    expect(computeCnpjCheckDigits("445556660001")).toBe("81");
    // The Receita Federal's alphanumeric example: A=17, B=18, C=19, D=20, E=21.
    expect(computeCnpjCheckDigits("12ABC34501DE")).toBe("35");
  });

  it("maps remainders 0 and 1 to a check digit of 0, never to 11 or 10", () => {
    expect(computeCnpjCheckDigits("112223330028")).toBe("00"); // remainders 1 and 1
    expect(computeCnpjCheckDigits("112223330019")).toBe("00"); // remainders 0 and 0
    expect(computeCnpjCheckDigits("112223330014")).toBe("04"); // first remainder 1
    expect(computeCnpjCheckDigits("112223330018")).toBe("20"); // second remainder 1
    expect(computeCnpjCheckDigits("12ABC34501CC")).toBe("00");
  });

  it("gives 00 for an all-zero base, which is why all-same needs its own rule", () => {
    expect(computeCnpjCheckDigits("000000000000")).toBe("00");
  });
});

describe("validateCnpj", () => {
  it.each(VALID)("accepts %s", (cnpj) => {
    expect(validateCnpj(cnpj)).toEqual({ ok: true, value: cnpj });
  });

  it.each([
    ["11.222.333/0001-81", "11222333000181"],
    ["11222333/0001-81", "11222333000181"],
    [" 11 222 333 0001 81 ", "11222333000181"],
    ["11.222.333/0001-81\n", "11222333000181"],
    ["12.ABC.345/01DE-35", "12ABC34501DE35"],
    ["12ABC345/01DE-35", "12ABC34501DE35"],
  ])("accepts the punctuation variant %j", (input, value) => {
    expect(validateCnpj(input)).toEqual({ ok: true, value });
  });

  it("accepts lower case by upper-casing it (decision: one meaning, so no reason to refuse)", () => {
    expect(validateCnpj("12abc34501de35")).toEqual({ ok: true, value: "12ABC34501DE35" });
    expect(validateCnpj("12.aBc.345/01dE-35")).toEqual({ ok: true, value: "12ABC34501DE35" });
  });

  describe.each(VALID)("each wrong check digit of %s", (cnpj) => {
    it.each([...withWrongDigit(cnpj, 12), ...withWrongDigit(cnpj, 13)])("refuses %s", (wrong) => {
      expect(validateCnpj(wrong)).toEqual({ ok: false, reason: "check-digits" });
    });
  });

  it("refuses a changed base character even though the check digits are well-formed", () => {
    expect(validateCnpj("11222333000281")).toEqual({ ok: false, reason: "check-digits" });
    expect(validateCnpj("12ABC34501DF35")).toEqual({ ok: false, reason: "check-digits" });
    // A letter swapped for a digit is a different value, not the same CNPJ.
    expect(validateCnpj("12A8C34501DE35")).toEqual({ ok: false, reason: "check-digits" });
  });

  it.each("0123456789".split(""))("refuses %s repeated 14 times as all-same", (digit) => {
    expect(validateCnpj(digit.repeat(14))).toEqual({ ok: false, reason: "all-same" });
  });

  it("refuses all-same after punctuation is removed", () => {
    expect(validateCnpj("00.000.000/0000-00")).toEqual({ ok: false, reason: "all-same" });
  });

  it.each(["", "1122233300018", "112223330001811", "11.222.333/0001-8", "ABC"])("refuses %j for its length", (input) => {
    expect(validateCnpj(input)).toEqual({ ok: false, reason: "length" });
  });

  it.each([
    "11_222_333_0001_81", // underscore is not accepted punctuation
    "11,222,333/0001-81",
    "11222333000181!",
    "11.222.333\\0001-81",
    "12ÁBC34501DE35", // accented letters are not A-Z
    "12ıBC34501DE35", // dotless i upper-cases to the ASCII "I": refused before upper-casing
    "1122233300018١", // Arabic-Indic digit one
    "12ABC34501DE3A", // letters are never check digits
    "12ABC34501DEAB",
    "AAAAAAAAAAAAAA", // all-same letters fail earlier: letters in the check-digit positions
  ])("refuses stray characters in %j", (input) => {
    expect(validateCnpj(input)).toEqual({ ok: false, reason: "characters" });
  });
});

describe("normalizeCnpj", () => {
  it("strips . / - and whitespace, upper-cases, and keeps everything else for validation to judge", () => {
    expect(normalizeCnpj(" 12.abc.345/01de-35\t")).toBe("12ABC34501DE35");
    expect(normalizeCnpj("11_222")).toBe("11_222");
  });
});

describe("formatCnpj", () => {
  it("formats numeric and alphanumeric CNPJs", () => {
    expect(formatCnpj("11222333000181")).toBe("11.222.333/0001-81");
    expect(formatCnpj("12ABC34501DE35")).toBe("12.ABC.345/01DE-35");
  });

  it("normalises before formatting", () => {
    expect(formatCnpj("12abc345/01de-35")).toBe("12.ABC.345/01DE-35");
  });

  it("returns text that is not 14 characters unchanged instead of throwing", () => {
    expect(formatCnpj("123")).toBe("123");
  });
});

describe("zCnpj", () => {
  it("outputs the normalised value", () => {
    expect(zCnpj.parse("12.abc.345/01DE-35")).toBe("12ABC34501DE35");
    expect(zCnpj.parse("11.222.333/0001-81")).toBe("11222333000181");
  });

  it.each([
    ["11222333000182", "check-digits"],
    ["11111111111111", "all-same"],
    ["112223330001", "length"],
    ["11222333000I81", "check-digits"], // a letter where a digit was meant changes the value
    ["11#222333000181", "characters"],
  ] as const)("refuses %j with the %s message", (input, reason) => {
    const result = zCnpj.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.message).toBe(CNPJ_MESSAGES[reason]);
  });

  it("reports the problem on the field's path inside an object", () => {
    const result = z.object({ cnpj: zCnpj }).safeParse({ cnpj: "11222333000100" });
    expect(result.error?.issues[0]?.path).toEqual(["cnpj"]);
  });

  it("refuses non-strings", () => {
    expect(zCnpj.safeParse(11222333000181).success).toBe(false);
  });
});
