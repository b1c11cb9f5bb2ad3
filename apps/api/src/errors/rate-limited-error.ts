import { AppError } from "./app-error.ts";

/** A 429 that knows its Retry-After (the tRPC handler copies it into the response header). */
export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super("RATE_LIMITED", message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
