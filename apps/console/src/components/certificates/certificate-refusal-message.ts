import type { CertificateRefusal, CertificateRefusalCode } from "@opus/rules/certificate-refusals";

type Translate = (key: CertificateRefusalCode, values?: Record<string, string | number>) => string;

/**
 * A certificate refusal in the person's language, from the API's reason code and the values it
 * names (never from the API's English sentence). `t` is scoped to `certificates.refusals`.
 */
export function certificateRefusalMessage(t: Translate, reason: CertificateRefusal): string {
  switch (reason.code) {
    case "CERTIFICATE_OTHER_BLOCK":
      return t(reason.code, { label: reason.label });
    case "CERTIFICATE_CHAIN":
      return t(reason.code, { count: reason.count });
    case "CERTIFICATE_OTHER_ORGANISATION":
    case "CERTIFICATE_CNPJ_MISMATCH":
      return t(reason.code, { found: reason.found ?? "none", expected: reason.expected });
    case "CERTIFICATE_EXPIRED":
      return t(reason.code, { date: reason.date });
    default:
      return t(reason.code);
  }
}
