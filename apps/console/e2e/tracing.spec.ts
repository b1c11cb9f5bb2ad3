import { ACCOUNTS } from "./support/accounts";
import { expect, openHome, test } from "./support/fixtures";

test("every API call from the console starts a trace the API continues and answers with its request id", async ({ page, signIn }) => {
  await signIn(ACCOUNTS.auroraViewer);
  const calls: { traceparent: string | undefined; sent: string | undefined; echoed: string | null }[] = [];
  page.on("response", async (response) => {
    if (!response.url().includes("/api/trpc/")) return;
    const headers = response.request().headers();
    calls.push({ traceparent: headers.traceparent, sent: headers["x-request-id"], echoed: await response.headerValue("x-request-id") });
  });
  await openHome(page);
  await expect.poll(() => calls.length).toBeGreaterThan(0);
  for (const call of calls) {
    expect(call.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    // The request id the console chose is the one the API logged and audited, echoed back.
    expect(call.echoed).toBe(call.sent);
  }
  expect(new Set(calls.map((c) => c.traceparent)).size).toBe(calls.length);
});
