// tRPC setup: one error translation (AppError → tRPC code via ERROR_TABLE), readable validation
// messages, and the procedure builders every router uses.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Actor } from "../authz/actor.ts";
import { authorize, type Permission } from "../authz/permissions.ts";
import { AppError } from "../errors/app-error.ts";
import type { AppErrorCode } from "../errors/app-error-codes.ts";
import { databaseAppError } from "../errors/database-errors.ts";
import { ERROR_TABLE } from "../errors/error-table.ts";
import type { Context } from "./context.ts";

export type ProcedureMeta = {
  /** Documents the permission a procedure requires (read by the authorization matrix test). */
  permission?: Permission | "signed-in" | "public";
};

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const appError = cause instanceof AppError ? cause : null;
      const zodError = cause instanceof ZodError ? cause : null;
      const fields = appError?.fields ?? (zodError ? zodFields(zodError) : undefined);
      const appCode: AppErrorCode = appError?.code ?? (zodError || error.code === "PARSE_ERROR" ? "BAD_INPUT" : fallbackCode(error.code));
      // Never leak internals: unexpected errors get a generic message (details are in the logs).
      const message =
        appCode === "INTERNAL" ? "Something went wrong on our side. Try again, and contact Opus support if it persists." : shape.message;
      return { ...shape, message, data: { ...shape.data, stack: undefined, appCode, fields } };
    },
  });

function zodFields(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    fields[key] ??= issue.code === "unrecognized_keys" ? `unknown field(s): ${issue.keys.join(", ")}` : issue.message;
  }
  return fields;
}

/** "Invalid input: cnpj: check digits do not match; roles: choose at least one regulatory role" */
function readableZodMessage(error: ZodError): string {
  return `Invalid input: ${Object.entries(zodFields(error))
    .map(([k, v]) => (k ? `${k}: ${v}` : v))
    .join("; ")}`;
}

function fallbackCode(code: TRPCError["code"]): AppErrorCode {
  const found = (Object.entries(ERROR_TABLE) as [AppErrorCode, { trpc: string }][]).find(([, v]) => v.trpc === code);
  return found?.[0] ?? "INTERNAL";
}

/**
 * The TRPCError an error thrown by domain code stands for: AppErrors by the one table, database
 * races and outages by `databaseAppError`. Null for the unexpected (a 500 that gets logged).
 */
export function toTrpcError(err: unknown): TRPCError | null {
  const appError = err instanceof AppError ? err : databaseAppError(err);
  return appError ? new TRPCError({ code: ERROR_TABLE[appError.code].trpc, message: appError.message, cause: appError }) : null;
}

/** Turns domain AppErrors (and input validation errors) into TRPCErrors with the code from the one table, and logs the unexpected. */
const errorTranslation = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    // Input validation: replace zod's JSON dump with one sentence a person can act on.
    if (cause instanceof ZodError) throw new TRPCError({ code: "BAD_REQUEST", message: readableZodMessage(cause), cause });
    const translated = toTrpcError(cause);
    if (translated) {
      if (translated.code === "SERVICE_UNAVAILABLE") ctx.log.error({ err: cause, path }, "database unavailable");
      throw translated;
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR") ctx.log.error({ err: result.error, path }, "procedure failed");
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(errorTranslation).meta({ permission: "public" });

export const signedInProcedure = publicProcedure.meta({ permission: "signed-in" }).use(({ ctx, next }) => {
  if (!ctx.actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return next({ ctx: { actor: ctx.actor as Actor } });
});

/**
 * A procedure that requires `permission`. For institution-scoped permissions the input must carry
 * `institutionId`; the check runs after input validation, before the handler.
 */
export function protectedProcedure(permission: Permission) {
  return signedInProcedure.meta({ permission }).use(async ({ ctx, next, getRawInput }) => {
    const raw = (await getRawInput()) as { institutionId?: unknown } | undefined;
    const institutionId = typeof raw?.institutionId === "string" ? raw.institutionId : undefined;
    authorize(ctx.actor, permission, institutionId);
    return next();
  });
}
