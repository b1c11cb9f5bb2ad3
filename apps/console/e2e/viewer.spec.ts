import { ACCOUNTS } from "./support/accounts";
import { expect, openHome, test } from "./support/fixtures";

test("a viewer sees the members but no invitation or management controls", async ({ page, signIn }) => {
  await signIn(ACCOUNTS.auroraViewer);
  const institutionId = await openHome(page);
  await page.goto(`/institutions/${institutionId}/members`);

  const members = page.getByRole("region", { name: "Members" });
  await expect(members.getByRole("cell", { name: "ana@aurora.example" })).toBeVisible();
  await expect(members).toContainText("Victor Lima");
  await expect(page.getByText("Invite a member")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: /Role of/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

  // The audit trail is for admins: not offered, and "not available" when opened directly (no failed query, no retry).
  await page.goto(`/institutions/${institutionId}/audit`);
  await expect(page.getByRole("heading", { level: 1, name: "This page is not available to you" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
});
