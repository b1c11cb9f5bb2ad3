import type { Browser, PlaywrightWorkerArgs } from "@playwright/test";
import { type Credentials, signInRequest } from "./fixtures";

/** A page in a browser of its own, signed in as `who`: a second person in the same test. */
export async function pageAs(browser: Browser, playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, who: Credentials) {
  const context = await browser.newContext({ locale: "en-US" });
  const request = await signInRequest(playwright, baseURL, who);
  await context.addCookies((await request.storageState()).cookies);
  await request.dispose();
  return { page: await context.newPage(), close: () => context.close() };
}
