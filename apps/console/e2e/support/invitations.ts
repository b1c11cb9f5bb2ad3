import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** Invites `email` from the members page the page is on; returns the invitation link shown. */
export async function invite(page: Page, email: string, role: "Admin" | "Viewer"): Promise<string> {
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  const link = await page.getByTestId("invitation-link").inputValue();
  expect(link).toMatch(/\/invite\/[\w-]+$/);
  return link;
}
