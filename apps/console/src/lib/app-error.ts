import type { AppErrorCode } from "@opus/api/i18n-errors";
import { TRPCClientError } from "@trpc/client";

export type { AppErrorCode };

type ErrorData = { appCode?: AppErrorCode; fields?: Record<string, string>; reason?: unknown; httpStatus?: number };

function dataOf(error: unknown): ErrorData | undefined {
  return error instanceof TRPCClientError ? (error.data as ErrorData | undefined) : undefined;
}

/** The API's error code; a request that never reached the API counts as UNAVAILABLE. */
export function appErrorCode(error: unknown): AppErrorCode {
  if (error instanceof TRPCClientError) return dataOf(error)?.appCode ?? "UNAVAILABLE";
  return "INTERNAL";
}

/** Input paths the API found wrong ("email", "password"). */
export function appErrorFields(error: unknown): string[] {
  return Object.keys(dataOf(error)?.fields ?? {});
}

/**
 * The API's field problems by input path, with the wizard's `data.` envelope removed, so
 * "data.cnpj" and a domain check's "cnpj" both come back as "cnpj".
 */
export function appErrorFieldMap(error: unknown): Record<string, string> {
  const fields = dataOf(error)?.fields ?? {};
  return Object.fromEntries(Object.entries(fields).map(([path, message]) => [path.replace(/^data\./, ""), message]));
}

/** The refusal's machine-readable cause (`{ code, …values }`), when the API gave one; check it with the rule's own guard. */
export function appErrorReason(error: unknown): unknown {
  return dataOf(error)?.reason;
}

/** Retrying only helps when the server or the network failed, never for a refusal. */
export function isRetryable(error: unknown): boolean {
  const status = dataOf(error)?.httpStatus;
  return status === undefined || status >= 500;
}
