// Certificate refusals are worded from the API's reason code, in both languages, with the values
// the code carries; the API's English sentence is never read.
import { CERTIFICATE_REFUSAL_CODES, type CertificateRefusal } from "@opus/rules/certificate-refusals";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../messages/en.json";
import ptBR from "../messages/pt-BR.json";
import { certificateRefusalMessage } from "../src/components/certificates/certificate-refusal-message";

const translators = {
  en: createTranslator({ locale: "en", messages: en, namespace: "certificates.refusals" }),
  "pt-BR": createTranslator({ locale: "pt-BR", messages: ptBR, namespace: "certificates.refusals" }),
};

const SAMPLES: Record<(typeof CERTIFICATE_REFUSAL_CODES)[number], CertificateRefusal> = {
  CERTIFICATE_PRIVATE_KEY: { code: "CERTIFICATE_PRIVATE_KEY" },
  CERTIFICATE_OTHER_BLOCK: { code: "CERTIFICATE_OTHER_BLOCK", label: "PUBLIC KEY" },
  CERTIFICATE_MISSING: { code: "CERTIFICATE_MISSING" },
  CERTIFICATE_CHAIN: { code: "CERTIFICATE_CHAIN", count: 3 },
  CERTIFICATE_UNREADABLE: { code: "CERTIFICATE_UNREADABLE" },
  CERTIFICATE_IDENTITY_MISSING: { code: "CERTIFICATE_IDENTITY_MISSING" },
  CERTIFICATE_OTHER_ORGANISATION: { code: "CERTIFICATE_OTHER_ORGANISATION", found: "OFBBR-abc", expected: "OFBBR-def" },
  CERTIFICATE_CNPJ_MISMATCH: { code: "CERTIFICATE_CNPJ_MISMATCH", found: "11.444.777/0001-61", expected: "11.222.333/0001-81" },
  CERTIFICATE_EXPIRED: { code: "CERTIFICATE_EXPIRED", date: "2021-03-04" },
  CERTIFICATE_NOT_CLIENT_AUTH: { code: "CERTIFICATE_NOT_CLIENT_AUTH" },
  CERTIFICATE_NOT_NON_REPUDIATION: { code: "CERTIFICATE_NOT_NON_REPUDIATION" },
  CERTIFICATE_DUPLICATE: { code: "CERTIFICATE_DUPLICATE" },
};

describe("certificate refusal messages", () => {
  for (const code of CERTIFICATE_REFUSAL_CODES) {
    it(`${code} reads in English and Portuguese, naming its values`, () => {
      const reason = SAMPLES[code];
      const english = certificateRefusalMessage(translators.en, reason);
      const portuguese = certificateRefusalMessage(translators["pt-BR"], reason);
      expect(english).not.toContain("certificates.refusals");
      expect(portuguese).not.toContain("certificates.refusals");
      expect(portuguese).not.toBe(english);
      for (const value of Object.entries(reason)
        .filter(([k]) => k !== "code")
        .map(([, v]) => String(v))) {
        expect(english).toContain(value);
        expect(portuguese).toContain(value);
      }
    });
  }

  it("says so when the certificate names no organisation or CNPJ at all", () => {
    const t = translators["pt-BR"];
    expect(certificateRefusalMessage(t, { code: "CERTIFICATE_CNPJ_MISMATCH", found: null, expected: "11.222.333/0001-81" })).toBe(
      "Este certificado não traz CNPJ (serialNumber), e o desta instituição é 11.222.333/0001-81.",
    );
    expect(
      certificateRefusalMessage(translators.en, { code: "CERTIFICATE_OTHER_ORGANISATION", found: null, expected: "OFBBR-x" }),
    ).toContain("its subject has none");
  });
});
