import { z } from "zod";
import { getMe } from "../../domain/me/get-me.ts";
import { LOCALES, setLocale } from "../../domain/me/set-locale.ts";
import { router, signedInProcedure } from "../init.ts";

export const meRouter = router({
  // Every procedure takes a strict input, even an empty one, so stray fields are refused, not ignored.
  get: signedInProcedure.input(z.strictObject({}).optional()).query(({ ctx }) => getMe(ctx)),
  setLocale: signedInProcedure.input(z.strictObject({ locale: z.enum(LOCALES) })).mutation(({ ctx, input }) => setLocale(ctx, input)),
});
