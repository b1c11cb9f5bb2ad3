// The one error type domain code throws. Its code decides the HTTP/tRPC status (see error-table.ts);
// its message is written for the person who made the request.
import type { AppErrorCode } from "./app-error-codes.ts";

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Field-level problems, keyed by input path ("cnpj", "brands.0.name"). */
  readonly fields?: Record<string, string>;

  constructor(code: AppErrorCode, message: string, options: { fields?: Record<string, string>; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    if (options.fields) this.fields = options.fields;
  }
}
