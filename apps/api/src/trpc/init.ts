// tRPC setup: one error translation (AppError → tRPC code via ERROR_TABLE), readable validation
// messages, and the procedure builders every router uses.
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Actor } from "../authz/actor.ts";
import { authorize, type Permission } from "../authz/permissions.ts";
import { AppError } from "../errors/app-error.ts";
import type { AppErrorCode } from "../errors/app-error-codes.ts";
import { databaseAppError } from "../errors/database-errors.ts";
import { ERROR_TABLE } from "../errors/error-table.ts";
import { RateLimitedError } from "../errors/rate-limited-error.ts";
import { type RateRuleName, tooManyMessage } from "../lib/rate-limits.ts";
import { findUnstorableText } from "../lib/storable-text.ts";
import type { Context } from "./context.ts";
import { transformer } from "./transformer.ts";

export type ProcedureMeta = {
  /** Documents the permission a procedure requires (read by the authorization matrix test). */
  permission?: Permission | "signed-in" | "public";
};

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer,
    errorFormatter({ shape, error, type, path }) {
      const cause = error.cause;
      const appError = cause instanceof AppError ? cause : null;
      const zodError = cause instanceof ZodError ? cause : null;
      const fields = appError?.fields ?? (zodError ? zodFields(zodError) : undefined);
      const appCode: AppErrorCode =
        appError?.code ?? (zodError || error.code === "PARSE_ERROR" ? "BAD_INPUT" : fallbackCode(error.code, shape.data.httpStatus));
      const message = publicMessage(appCode, shape.message, type, path);
      const reason = appError?.reason;
      return { ...shape, message, data: { ...shape.data, stack: undefined, appCode, fields, reason } };
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

/** The code of an error tRPC raised itself (routing, transport): by the table; any other 4xx is the request's fault. */
function fallbackCode(code: TRPCError["code"], httpStatus: number): AppErrorCode {
  const found = (Object.entries(ERROR_TABLE) as [AppErrorCode, { trpc: string }][]).find(([, v]) => v.trpc === code);
  return found?.[0] ?? (httpStatus < 500 ? "BAD_INPUT" : "INTERNAL");
}

/** What the caller reads. Transport mistakes say how to send the request; internals never leak (they are in the logs). */
function publicMessage(appCode: AppErrorCode, message: string, type: string, path: string | undefined): string {
  switch (appCode) {
    case "INTERNAL":
      return "Something went wrong on our side. Try again, and contact Opus support if it persists.";
    case "METHOD_NOT_ALLOWED":
      if (type === "mutation") return `Wrong HTTP method: ${path} changes data, so send it as a POST with a JSON body.`;
      if (type === "query") return `Wrong HTTP method: ${path} only reads, so send it as a GET with its input in ?input=.`;
      return "Wrong HTTP method: send queries as GET and mutations as POST.";
    case "UNSUPPORTED_MEDIA_TYPE":
      return "Wrong content type: send the request body as JSON, with the header content-type: application/json.";
    default:
      return message;
  }
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

/** Refuses text the database cannot store (NUL, lone surrogates) anywhere in the raw input, before any schema or handler. */
const storableInput = t.middleware(async ({ next, getRawInput }) => {
  const found = findUnstorableText(await getRawInput());
  if (found) {
    throw new AppError("BAD_INPUT", `Invalid input: ${found.path ? `${found.path}: ` : ""}${found.problem}`, {
      fields: { [found.path]: found.problem },
    });
  }
  return next();
});

export const publicProcedure = t.procedure.use(errorTranslation).use(storableInput).meta({ permission: "public" });

/** Limits a public procedure per client address (sign-up, invitation links), shared by every replica. */
export function perIpLimit(rule: RateRuleName, what: string) {
  return t.middleware(async ({ ctx, next }) => {
    const wait = await ctx.services.rateLimits.take(rule, ctx.ip ?? "unknown");
    if (wait !== null) throw new RateLimitedError(tooManyMessage(what, wait), wait);
    return next();
  });
}

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
