import { z } from "zod";
import { getDashboard } from "../../domain/dashboard/get-dashboard.ts";
import { protectedProcedure, router } from "../init.ts";

export const dashboardRouter = router({
  get: protectedProcedure("fleet.read")
    .input(z.strictObject({}).optional())
    .query(({ ctx }) => getDashboard(ctx)),
});
