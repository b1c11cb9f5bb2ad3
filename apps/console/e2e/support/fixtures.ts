import type { DemoAccount } from "@opus/db/demo-accounts";
import { type APIRequestContext, test as base, expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, totpCode } from "./accounts";

type Fixtures = {
  /** Signs the page's browser context in through the API (not the form), TOTP included. */
  signIn: (who: DemoAccount) => Promise<void>;
};

/** better-auth checks the Origin of cookie-bearing POSTs against the console's public URL. */
export async function postAuth(request: APIRequestContext, baseURL: string, route: string, data: unknown) {
  const res = await request.post(`/api/auth/${route}`, { data, headers: { origin: baseURL } });
  expect(res.ok(), `${route} answered ${res.status()}: ${await res.text()}`).toBe(true);
  return (await res.json()) as Record<string, unknown>;
}

export const test = base.extend<Fixtures>({
  signIn: async ({ page, baseURL }, use) => {
    await use(async (who) => {
      const request = page.context().request;
      const origin = baseURL ?? "";
      const body = await postAuth(request, origin, "sign-in/email", { email: who.email, password: DEMO_PASSWORD });
      if (body.twoFactorRedirect) await postAuth(request, origin, "two-factor/verify-totp", { code: totpCode(who) });
    });
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
