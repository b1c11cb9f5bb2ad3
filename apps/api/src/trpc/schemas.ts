// Shared input building blocks. Every input object is strict (unknown fields are refused) and
// every string has an upper bound, so oversize input is a 400, never a slow query or a 500.

import { DECISIONS, DEPLOYMENT_MODES, INSTITUTION_ROLES } from "@opus/rules/enums";
import { TEXT_LIMITS as L } from "@opus/rules/text-limits";
import { EMAIL_PATTERN } from "@opus/rules/text-patterns";
import { z } from "zod";

export const zId = z.string().trim().min(1, "is required").max(L.id, "is too long");
export const zEmail = z
  .email({ pattern: EMAIL_PATTERN, message: "must be an e-mail address" })
  .max(L.email)
  .transform((v) => v.toLowerCase());
export const zName = z.string().trim().min(1, "is required").max(L.name, `must be at most ${L.name} characters`);
export const zPassword = z
  .string()
  .min(L.passwordMin, `must be at least ${L.passwordMin} characters`)
  .max(L.passwordMax, `must be at most ${L.passwordMax} characters`);
export const zToken = z.string().min(16, "is not a valid link").max(128, "is not a valid link");
export const zInstitutionRole = z.enum(INSTITUTION_ROLES);
export const zInstitutionScope = { institutionId: zId };
export const zReason = z.string().trim().min(1, "is required").max(L.reason, `must be at most ${L.reason} characters`);
export const zDecision = z.enum(DECISIONS);
export const zDeploymentMode = z.enum(DEPLOYMENT_MODES);
