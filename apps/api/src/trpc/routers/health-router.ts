import { HEALTH_STATUSES } from "@opus/rules/environment-health";
import { z } from "zod";
import { listInstitutionNotifications, listOpusNotifications } from "../../domain/notifications/list-notifications.ts";
import { markNotificationsRead } from "../../domain/notifications/mark-notifications-read.ts";
import { getEnvironmentHealth } from "../../domain/regulatory/get-environment-health.ts";
import { listFleetHealth } from "../../domain/regulatory/list-fleet-health.ts";
import { exportFleetWeeklyAvailability, exportWeeklyAvailability } from "../../domain/regulatory/weekly-availability.ts";
import { zReleaseVersion } from "../../domain/releases/release-input.ts";
import { protectedProcedure, router } from "../init.ts";
import { zDeploymentMode, zId, zInstitutionScope } from "../schemas.ts";

/** The language the console shows (the reader's saved one when absent). */
const zNoticeLocale = z.enum(["pt-BR", "en"]);
const zNotificationIds = z.array(zId).min(1).max(50);

const zWeek = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2026-11-30 (a Monday)");

export const healthRouter = router({
  environment: protectedProcedure("health.read")
    .input(z.strictObject({ ...zInstitutionScope, environmentId: zId }))
    .query(({ ctx, input }) => getEnvironmentHealth(ctx, input)),
  fleet: protectedProcedure("fleet.read")
    .input(
      z.strictObject({
        mode: zDeploymentMode.optional(),
        planCode: z.string().trim().min(1).max(64).optional(),
        status: z.enum(HEALTH_STATUSES).optional(),
        releaseVersion: zReleaseVersion.optional(),
      }),
    )
    .query(({ ctx, input }) => listFleetHealth(ctx, input)),
  /** The week's availability and p95 per API family and endpoint, as CSV or PDF. */
  weeklyReport: protectedProcedure("health.read")
    .input(
      z.strictObject({
        ...zInstitutionScope,
        week: zWeek,
        format: z.enum(["csv", "pdf"]),
      }),
    )
    .query(({ ctx, input }) => exportWeeklyAvailability(ctx, input)),
  /** The same week for every institution that reported (Opus staff), as CSV or PDF. */
  fleetWeeklyReport: protectedProcedure("fleet.read")
    .input(z.strictObject({ week: zWeek, format: z.enum(["csv", "pdf"]) }))
    .query(({ ctx, input }) => exportFleetWeeklyAvailability(ctx, input)),
  /** Incidents opened and resolved, as the institution's admins were told. */
  notifications: protectedProcedure("health.read")
    .input(z.strictObject({ ...zInstitutionScope, locale: zNoticeLocale.optional() }))
    .query(({ ctx, input }) => listInstitutionNotifications(ctx, input)),
  /** What Opus operations were told (every institution's incidents). */
  opsNotifications: protectedProcedure("fleet.read")
    .input(z.strictObject({ locale: zNoticeLocale.optional() }).optional())
    .query(({ ctx, input }) => listOpusNotifications(ctx, input ?? {})),
  /** Marks an institution's notifications read, for the person asking. */
  markNotificationsRead: protectedProcedure("health.read")
    .input(z.strictObject({ ...zInstitutionScope, notificationIds: zNotificationIds }))
    .mutation(({ ctx, input }) => markNotificationsRead(ctx, input)),
  /** Marks Opus operations' notifications read, for the person asking. */
  markOpsNotificationsRead: protectedProcedure("fleet.read")
    .input(z.strictObject({ notificationIds: zNotificationIds }))
    .mutation(({ ctx, input }) => markNotificationsRead(ctx, { notificationIds: input.notificationIds })),
});
