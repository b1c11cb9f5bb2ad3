import { describe, expect, it } from "vitest";
import {
  CNPJ_MASKED_LENGTH,
  CNPJ_MESSAGES,
  computeCnpjCheckDigits,
  formatCnpj,
  maskCnpj,
  normalizeCnpj,
  validateCnpj,
} from "../src/cnpj.ts";

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

  it("maps a remainder of 2 (the first that counts) to a check digit of 9", () => {
    expect(computeCnpjCheckDigits("112223330006")).toBe("96"); // first remainder 2
    expect(computeCnpjCheckDigits("112223330000")).toBe("09"); // second remainder 2
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
    expect(formatCnpj("")).toBe("");
    expect(formatCnpj("112223330001811")).toBe("112223330001811");
  });

  it("returns 14 characters without a CNPJ's shape unchanged", () => {
    expect(formatCnpj("12ABC34501DEAB")).toBe("12ABC34501DEAB"); // letters as check digits
    expect(formatCnpj("11_22233300018")).toBe("11_22233300018");
    expect(formatCnpj("12ÁBC34501DE35")).toBe("12ÁBC34501DE35");
  });

  it("formats without judging the check digits (a display helper, not a validator)", () => {
    expect(formatCnpj("11222333000182")).toBe("11.222.333/0001-82");
  });
});

describe("maskCnpj", () => {
  it("adds punctuation as the groups fill while typing", () => {
    const typed = "12ABC34501DE35";
    const steps = Array.from({ length: typed.length + 1 }, (_, n) => maskCnpj(typed.slice(0, n)));
    expect(steps).toEqual([
      "",
      "1",
      "12",
      "12.A",
      "12.AB",
      "12.ABC",
      "12.ABC.3",
      "12.ABC.34",
      "12.ABC.345",
      "12.ABC.345/0",
      "12.ABC.345/01",
      "12.ABC.345/01D",
      "12.ABC.345/01DE",
      "12.ABC.345/01DE-3",
      "12.ABC.345/01DE-35",
    ]);
  });

  it("is stable when re-applied to its own output (the field masks on every keystroke)", () => {
    for (const input of ["1", "12.A", "12.ABC.345/", "12.ABC.345/01DE-35", "11.222.333/0001-81"]) {
      expect(maskCnpj(maskCnpj(input))).toBe(maskCnpj(input));
    }
  });

  it("upper-cases and accepts any pasted punctuation", () => {
    expect(maskCnpj("12abc34501de35")).toBe("12.ABC.345/01DE-35");
    expect(maskCnpj(" 11 222 333/0001_81 ")).toBe("11.222.333/0001-81");
  });

  it("drops characters a CNPJ cannot contain, including letters that upper-case to ASCII", () => {
    expect(maskCnpj("1ı1ſ2ß2Á#")).toBe("11.22");
  });

  it("stops at 14 characters, which fit the input's length limit", () => {
    expect(maskCnpj("11222333000181999")).toBe("11.222.333/0001-81");
    expect(maskCnpj("11222333000181999")).toHaveLength(CNPJ_MASKED_LENGTH);
  });
});

// A seeded generator: the same "random" bases on every run, so a failure can be reproduced.
function* bases(count: number): Generator<string> {
  const chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let seed = 20260701;
  for (let n = 0; n < count; n++) {
    let base = "";
    for (let i = 0; i < 12; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      base += chars[seed % chars.length];
    }
    yield base;
  }
}

describe("the functions together", () => {
  it("accepts every base with its computed check digits, masked, formatted or bare", () => {
    for (const base of bases(500)) {
      const cnpj = `${base}${computeCnpjCheckDigits(base)}`;
      if (/^(.)\1*$/.test(cnpj)) continue;
      expect(validateCnpj(cnpj)).toEqual({ ok: true, value: cnpj });
      expect(validateCnpj(maskCnpj(cnpj.toLowerCase()))).toEqual({ ok: true, value: cnpj });
      expect(formatCnpj(cnpj)).toBe(maskCnpj(cnpj));
      expect(normalizeCnpj(formatCnpj(cnpj))).toBe(cnpj);
    }
  });

  it("refuses every base with a wrong second check digit", () => {
    for (const base of bases(200)) {
      const [first, second] = computeCnpjCheckDigits(base);
      const wrong = `${base}${first}${(Number(second) + 1) % 10}`;
      expect(validateCnpj(wrong)).toEqual({ ok: false, reason: "check-digits" });
    }
  });

  it("has an English message for every reason validateCnpj can give", () => {
    const reasons = ["", "1122233300018#", "11111111111111", "11222333000182"].map((input) => {
      const result = validateCnpj(input);
      return result.ok ? null : result.reason;
    });
    expect(reasons).toEqual(["length", "characters", "all-same", "check-digits"]);
    for (const reason of reasons) expect(CNPJ_MESSAGES[reason ?? "length"]).toMatch(/CNPJ/);
  });
});
