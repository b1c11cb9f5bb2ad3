// Maintenance windows, freezes and update policy as people type them: each refused with a reason.
import { RELEASE_CHANNELS } from "@opus/rules/releases";
import { z } from "zod";
import { isTimeZone, ruleProblem } from "./maintenance-windows.ts";
import { zReleaseVersion } from "./release-input.ts";

export const DEFAULT_TIME_ZONE = "America/Sao_Paulo";

export const zMaintenanceWindow = z.strictObject({
  rrule: z
    .string()
    .trim()
    .min(1, "is required")
    .max(300)
    .superRefine((text, ctx) => {
      const problem = ruleProblem(text);
      if (problem) ctx.addIssue({ code: "custom", message: `is not a usable recurrence rule: ${problem}` });
    }),
  durationMinutes: z
    .number()
    .int()
    .min(15, "must be at least 15 minutes")
    .max(24 * 60, "must be at most 24 hours"),
});

export const zFreeze = z
  .strictObject({
    from: z.iso.datetime({ offset: true }),
    until: z.iso.datetime({ offset: true }),
    reason: z.string().trim().min(1, "is required").max(200),
  })
  .refine((f) => new Date(f.from) < new Date(f.until), { message: "must end after it starts", path: ["until"] })
  .transform((f) => ({ ...f, from: new Date(f.from).toISOString(), until: new Date(f.until).toISOString() }));

export const zFreezes = z.array(zFreeze).max(50, "at most 50 freezes");

export const zTimeZone = z.string().trim().max(64).refine(isTimeZone, "must be an IANA time zone such as America/Sao_Paulo");

export const zReleaseSettings = z.strictObject({
  updateChannel: z.enum(RELEASE_CHANNELS),
  pinnedReleaseVersion: zReleaseVersion.nullable(),
  timeZone: zTimeZone.default(DEFAULT_TIME_ZONE),
  maintenanceWindows: z.array(zMaintenanceWindow).max(10, "at most 10 windows"),
  freezes: zFreezes,
});
export type ReleaseSettings = z.infer<typeof zReleaseSettings>;
