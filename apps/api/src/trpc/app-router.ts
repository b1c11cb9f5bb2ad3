import { router } from "./init.ts";
import { apiKeysRouter } from "./routers/api-keys-router.ts";
import { approvalsRouter } from "./routers/approvals-router.ts";
import { auditRouter } from "./routers/audit-router.ts";
import { billingRouter } from "./routers/billing-router.ts";
import { certificatesRouter } from "./routers/certificates-router.ts";
import { dashboardRouter } from "./routers/dashboard-router.ts";
import { environmentsRouter } from "./routers/environments-router.ts";
import { goLiveRouter } from "./routers/go-live-router.ts";
import { healthRouter } from "./routers/health-router.ts";
import { institutionsRouter } from "./routers/institutions-router.ts";
import { meRouter } from "./routers/me-router.ts";
import { membersRouter } from "./routers/members-router.ts";
import { plansRouter } from "./routers/plans-router.ts";
import { releasesRouter } from "./routers/releases-router.ts";
import { rolloutsRouter } from "./routers/rollouts-router.ts";
import { signupsRouter } from "./routers/signups-router.ts";
import { usageRouter } from "./routers/usage-router.ts";

export const appRouter = router({
  me: meRouter,
  institutions: institutionsRouter,
  members: membersRouter,
  audit: auditRouter,
  environments: environmentsRouter,
  approvals: approvalsRouter,
  signups: signupsRouter,
  certificates: certificatesRouter,
  plans: plansRouter,
  dashboard: dashboardRouter,
  apiKeys: apiKeysRouter,
  usage: usageRouter,
  billing: billingRouter,
  releases: releasesRouter,
  rollouts: rolloutsRouter,
  health: healthRouter,
  goLive: goLiveRouter,
});

export type AppRouter = typeof appRouter;
