// A rule the console checks before sending and the API checks again is worded the same way on both
// sides: the English catalogue says what the API's English message says.
import { CNPJ_MESSAGES, CNPJ_TAKEN_MESSAGE, ORGANISATION_ID_TAKEN_MESSAGE } from "@opus/rules/cnpj";
import { describe, expect, it } from "vitest";
import en from "../messages/en.json";

const errors = en.onboarding.errors;

describe("client and server wording", () => {
  it("says the same about a CNPJ in the wizard as the API does", () => {
    expect(errors.cnpjLength).toBe(CNPJ_MESSAGES.length);
    expect(errors.cnpjCharacters).toBe(CNPJ_MESSAGES.characters);
    expect(errors.cnpjAllSame).toBe(CNPJ_MESSAGES["all-same"]);
    expect(errors.cnpjCheckDigits).toBe(CNPJ_MESSAGES["check-digits"]);
  });

  it("words a value another institution holds as the API's conflict does", () => {
    expect(errors.cnpjTaken).toBe(CNPJ_TAKEN_MESSAGE);
    expect(errors.organisationIdTaken).toBe(ORGANISATION_ID_TAKEN_MESSAGE);
  });
});
