// The API's input schema for a CNPJ: the rule is @opus/rules/cnpj (shared with the console); this
// wraps it for zod so a wrong CNPJ is a 400 naming the field and the first problem to fix.
import { CNPJ_MESSAGES, validateCnpj } from "@opus/rules/cnpj";
import { z } from "zod";

/** Accepts any punctuation variant, outputs the normalised 14-character CNPJ. */
export const zCnpj = z.string().transform((input, ctx) => {
  const result = validateCnpj(input);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: CNPJ_MESSAGES[result.reason], params: { reason: result.reason } });
    return z.NEVER;
  }
  return result.value;
});
