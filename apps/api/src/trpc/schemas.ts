// Shared input building blocks. Every input object is strict (unknown fields are refused) and
// every string has an upper bound, so oversize input is a 400, never a slow query or a 500.
import { DECISIONS, DEPLOYMENT_MODES, INSTITUTION_ROLES } from "@opus/rules/enums";
import { z } from "zod";

export const zId = z.string().trim().min(1, "is required").max(64, "is too long");
export const zEmail = z
  .email("must be an e-mail address")
  .max(254)
  .transform((v) => v.toLowerCase());
export const zName = z.string().trim().min(1, "is required").max(120, "must be at most 120 characters");
export const zPassword = z.string().min(10, "must be at least 10 characters").max(128, "must be at most 128 characters");
export const zToken = z.string().min(16, "is not a valid link").max(128, "is not a valid link");
export const zInstitutionRole = z.enum(INSTITUTION_ROLES);
export const zInstitutionScope = { institutionId: zId };
export const zReason = z.string().trim().min(1, "is required").max(1000, "must be at most 1000 characters");
export const zDecision = z.enum(DECISIONS);
export const zDeploymentMode = z.enum(DEPLOYMENT_MODES);
