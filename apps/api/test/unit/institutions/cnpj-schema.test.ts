import { CNPJ_MESSAGES } from "@opus/rules/cnpj";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { zCnpj } from "../../../src/domain/institutions/cnpj-schema.ts";

// The rule itself is tested in packages/rules/test/cnpj.test.ts; this is the API's zod wrapper.
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
