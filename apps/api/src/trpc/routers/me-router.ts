import { z } from "zod";
import { getMe } from "../../domain/me/get-me.ts";
import { LOCALES, setLocale } from "../../domain/me/set-locale.ts";
import { router, signedInProcedure } from "../init.ts";

export const meRouter = router({
  get: signedInProcedure.query(({ ctx }) => getMe(ctx)),
  setLocale: signedInProcedure
    .input(z.strictObject({ locale: z.enum(LOCALES) }))
    .mutation(({ ctx, input }) => setLocale(ctx, input)),
});
