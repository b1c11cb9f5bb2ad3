import { ACCOUNTS } from "./support/accounts";
import { expect, test } from "./support/fixtures";

test("pages carry a nonce-based policy and the security headers, and run under them", async ({ page, signIn }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/sign-in");
  const headers = response?.headers() ?? {};
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-eval");
  expect(headers).toMatchObject({
    "strict-transport-security": "max-age=63072000; includeSubDomains",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
  });
  // A fresh nonce per page view.
  const again = (await page.goto("/sign-in"))?.headers()["content-security-policy"];
  expect(again).not.toBe(policy);
  // The pages still work: sign in and open one.
  await signIn(ACCOUNTS.opusAdmin);
  await page.goto("/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit" })).toBeVisible();
  expect(violations).toEqual([]);
});
