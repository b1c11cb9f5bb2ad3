// What a failed database call means for the person who made the request. Two concurrent requests
// racing for one unique value, or a database that cannot be reached, are not bugs in the request's
// handling: they answer CONFLICT and UNAVAILABLE with a sentence a person can act on, never a 500.
// The Prisma client runs over the pg driver adapter, so a failure arrives either as a Prisma error
// (`code` P…, the adapter's reason in `meta.driverAdapterError.cause`) or, when no connection could
// be opened at all, as the adapter's own DriverAdapterError (its reason in `cause`). Statements on
// the plain pg pool (identity, list pages, ingestion) fail with pg's own error (SQLSTATE in `code`).
import { AppError } from "./app-error.ts";

type AdapterCause = { kind?: string; code?: string; constraint?: { index?: string; fields?: string[] } };

const UNREACHABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "DatabaseAccessDenied",
  "AuthenticationFailed",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);
// P1001 can't reach, P1002 timed out, P1008 operation timed out, P1017 server closed the
// connection, P2024 no pooled connection in time.
const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// Class 08 is "connection exception"; 57P01–57P03 are an administrator or crash shutting the
// session down; 55000 is what a database closed to new connections answers.
const UNREACHABLE_PG_CODE = /^(08|57P0[1-3]$|55000$)/;
// pg's own messages when a socket dies under a pooled client.
const UNREACHABLE_MESSAGE = /Connection terminated|connection error and is not queryable|ECONNREFUSED|ECONNRESET/;

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
}

function adapterCause(err: unknown): AdapterCause | null {
  const e = asRecord(err);
  if (!e) return null;
  const fromMeta = asRecord(asRecord(asRecord(e.meta)?.driverAdapterError)?.cause);
  if (fromMeta) return fromMeta as AdapterCause;
  return e.name === "DriverAdapterError" ? ((asRecord(e.cause) as AdapterCause | null) ?? null) : null;
}

function prismaCode(err: unknown): string | null {
  const code = asRecord(err)?.code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : null;
}

/** The unique constraint (index name) a write collided with, or null if it was not a unique violation. */
export function uniqueViolation(err: unknown): { constraint: string | null } | null {
  const cause = adapterCause(err);
  if (prismaCode(err) !== "P2002" && cause?.kind !== "UniqueConstraintViolation") return null;
  return { constraint: cause?.constraint?.index ?? cause?.constraint?.fields?.join(",") ?? null };
}

/** The error and its causes: libraries such as better-auth wrap the database's error in their own. */
function* causeChain(err: unknown): Generator<unknown> {
  let current = err;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    yield current;
    current = asRecord(current)?.cause;
  }
}

/** Whether the database could not be reached or dropped the connection (as opposed to refusing the query). */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (const e of causeChain(err)) if (isUnreachable(e)) return true;
  return false;
}

function isUnreachable(err: unknown): boolean {
  const code = prismaCode(err);
  if (code && UNREACHABLE_PRISMA_CODES.has(code)) return true;
  const cause = adapterCause(err);
  if (cause?.kind && UNREACHABLE_KINDS.has(cause.kind)) return true;
  if (cause?.kind === "postgres" && typeof cause.code === "string" && UNREACHABLE_PG_CODE.test(cause.code)) return true;
  const pgCode = asRecord(err)?.code;
  if (!code && typeof pgCode === "string" && UNREACHABLE_PG_CODE.test(pgCode)) return true;
  const message = asRecord(err)?.message;
  return typeof message === "string" && UNREACHABLE_MESSAGE.test(message);
}

export const DATABASE_UNAVAILABLE_MESSAGE =
  "The Opus database cannot be reached right now, so nothing was changed. Try again in a minute; Opus is alerted.";

/**
 * The AppError a database failure stands for, or null when it is a genuine internal error.
 * Domain functions that know which unique value collided say so themselves (see `onUniqueViolation`);
 * this is the fallback that keeps every other race a CONFLICT instead of a 500.
 */
export function databaseAppError(err: unknown): AppError | null {
  if (uniqueViolation(err)) {
    return new AppError("CONFLICT", "Another request created the same record at the same moment. Reload the page and try again.", {
      cause: err,
    });
  }
  const cause = adapterCause(err);
  // P2003: the request named a record that does not exist (an unknown id, or one removed at the
  // same moment). The caller's mistake or a race, never the server's.
  if (prismaCode(err) === "P2003" || cause?.kind === "ForeignKeyConstraintViolation") {
    return new AppError(
      "NOT_FOUND",
      "A record this request refers to does not exist (or was removed meanwhile). Reload the page and try again.",
      {
        cause: err,
      },
    );
  }
  // Deadlocks and serialization failures (P2034): the other request won; this one changed nothing.
  if (prismaCode(err) === "P2034" || cause?.kind === "TransactionWriteConflict") {
    return new AppError("CONFLICT", "Another request changed the same data at the same moment. Reload the page and try again.", {
      cause: err,
    });
  }
  if (isDatabaseUnavailable(err)) return new AppError("UNAVAILABLE", DATABASE_UNAVAILABLE_MESSAGE, { cause: err });
  // P2028: the transaction could not start (or finish) in time, i.e. every connection is busy.
  if (prismaCode(err) === "P2028") {
    return new AppError("UNAVAILABLE", "The service is too busy to take this request right now; nothing was changed. Try again.", {
      cause: err,
    });
  }
  return null;
}

/**
 * Runs `work` and turns a collision on one of `messages`' unique constraints (by index name, e.g.
 * "user_email_key") into CONFLICT with that message: for the races a domain function can explain.
 */
export async function onUniqueViolation<T>(
  work: Promise<T>,
  messages: Record<string, string | { message: string; fields: Record<string, string> }>,
): Promise<T> {
  try {
    return await work;
  } catch (err) {
    const constraint = uniqueViolation(err)?.constraint;
    const known = constraint ? messages[constraint] : undefined;
    if (known === undefined) throw err;
    if (typeof known === "string") throw new AppError("CONFLICT", known, { cause: err });
    throw new AppError("CONFLICT", known.message, { fields: known.fields, cause: err });
  }
}
