// Headers on every API response. The API serves JSON only, so its policy allows nothing to load or
// frame it; HSTS tells browsers to use HTTPS from the first answer on (ignored over plain HTTP).
import type { ServerResponse } from "node:http";

export const API_SECURITY_HEADERS = {
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "strict-transport-security": "max-age=63072000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-resource-policy": "same-origin",
} as const;

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) res.setHeader(name, value);
}
