import { z } from "zod";
import { MONTH_PATTERN } from "../../domain/usage/sao-paulo-time.ts";

export const zMonth = z.string().regex(MONTH_PATTERN, "must be a month, YYYY-MM");
