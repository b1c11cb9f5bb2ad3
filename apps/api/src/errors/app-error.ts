// The one error type domain code throws. Its code decides the HTTP/tRPC status (see error-table.ts);
// its message is written for the person who made the request.
import type { AppErrorCode } from "./app-error-codes.ts";

/**
 * A refusal's machine-readable cause beside the English message: a code and the values the message
 * names. Clients word it in their own language from the code (e.g. @opus/rules/certificate-refusals).
 */
export type ErrorReason = { code: string } & Record<string, string | number | null>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Field-level problems, keyed by input path ("cnpj", "brands.0.name"). */
  readonly fields?: Record<string, string>;
  readonly reason?: ErrorReason;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { fields?: Record<string, string>; reason?: ErrorReason; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    if (options.fields) this.fields = options.fields;
    if (options.reason) this.reason = options.reason;
  }
}
