import type { AuditSource } from "./audit-entry.ts";

/** Changes made by the worker and the schedules are audited as the system's, not a person's. */
export const SYSTEM_SOURCE: AuditSource = { actor: null, ip: null, userAgent: null, requestId: null };
