// A failure that no retry can fix (missing configuration, a refused state change, a self-managed
// tenant): the operation fails at once with this message instead of burning its attempts.
export class NotRetryableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotRetryableError";
  }
}
