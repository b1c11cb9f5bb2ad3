import type { DemoAccount } from "@opus/db/demo-accounts";
import { type APIRequestContext, test as base, expect, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import { DEMO_PASSWORD, totpCode } from "./accounts";

/** A demo account (TOTP when it has a secret), or someone a test created. */
export type Credentials = DemoAccount | { email: string; password: string };

type Fixtures = {
  /** Signs the page's browser context in through the API (not the form), TOTP included. */
  signIn: (who: Credentials) => Promise<void>;
};

/** better-auth checks the Origin of cookie-bearing POSTs against the console's public URL. */
export async function postAuth(request: APIRequestContext, baseURL: string, route: string, data: unknown) {
  const res = await request.post(`/api/auth/${route}`, { data, headers: { origin: baseURL } });
  expect(res.ok(), `${route} answered ${res.status()}: ${await res.text()}`).toBe(true);
  return (await res.json()) as Record<string, unknown>;
}

async function signInWith(request: APIRequestContext, baseURL: string, who: Credentials) {
  const password = "password" in who ? who.password : DEMO_PASSWORD;
  const body = await postAuth(request, baseURL, "sign-in/email", { email: who.email, password });
  if (body.twoFactorRedirect && "totpSecret" in who) await postAuth(request, baseURL, "two-factor/verify-totp", { code: totpCode(who) });
}

/** A signed-in API client of its own (for setting up data as someone other than the page's person). */
export async function signInRequest(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, who: Credentials) {
  const request = await playwright.request.newContext({ baseURL });
  await signInWith(request, baseURL, who);
  return request;
}

export const test = base.extend<Fixtures>({
  signIn: async ({ page, baseURL }, use) => {
    await use((who) => signInWith(page.context().request, baseURL ?? "", who));
  },
});

export { expect };

/** Opens `/` and follows the redirect to the person's home; returns the institution id for members. */
export async function openHome(page: Page): Promise<string | null> {
  await page.goto("/");
  await page.waitForURL((url) => url.pathname !== "/");
  return /\/institutions\/([^/]+)/.exec(new URL(page.url()).pathname)?.[1] ?? null;
}

export function mainNav(page: Page) {
  return page.getByRole("navigation", { name: "Main navigation" });
}
