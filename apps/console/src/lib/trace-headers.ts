// Headers the console sends with every API call, so one click can be followed from the browser to
// the API's logs and spans and into the worker's run of what it queued: a W3C traceparent starting
// a new trace, and the same identifiers as the request id support can ask a customer for.
// crypto.getRandomValues works on plain-http origins too (crypto.randomUUID needs a secure one).

function randomHex(bytes: number): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function traceHeaders(): { traceparent: string; "x-request-id": string } {
  const traceId = randomHex(16);
  const spanId = randomHex(8);
  // Version 00, sampled (01): the API decides what it records; the ids only join the pieces.
  return { traceparent: `00-${traceId}-${spanId}-01`, "x-request-id": `${traceId.slice(0, 16)}-${spanId}` };
}
