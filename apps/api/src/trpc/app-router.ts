import { router } from "./init.ts";
import { auditRouter } from "./routers/audit-router.ts";
import { institutionsRouter } from "./routers/institutions-router.ts";
import { meRouter } from "./routers/me-router.ts";
import { membersRouter } from "./routers/members-router.ts";

export const appRouter = router({
  me: meRouter,
  institutions: institutionsRouter,
  members: membersRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
