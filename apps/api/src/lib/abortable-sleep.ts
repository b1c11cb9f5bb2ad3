/**
 * Resolves after `ms`, or at once when `signal` aborts, whichever comes first. Its abort listener
 * is removed either way: a loop that sleeps every few seconds for days must not leave one listener
 * per pass on a signal that lives as long as the process.
 */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
