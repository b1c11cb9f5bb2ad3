import { ACCOUNTS, DEMO_PASSWORD, INSTITUTIONS, uniqueEmail } from "./support/accounts";
import { expect, mainNav, openHome, test } from "./support/fixtures";
import { invite } from "./support/invitations";
import { screenshot } from "./support/screenshot";

test.describe("members of an institution", () => {
  test("an admin invites a newcomer, who creates an account and lands on the institution", async ({ page, signIn, browser, baseURL }) => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL ?? "" });
    await signIn(ACCOUNTS.auroraAdmin);
    const institutionId = await openHome(page);
    await page.getByRole("navigation", { name: "Institution sections" }).getByRole("link", { name: "Members" }).click();
    await expect(page.getByRole("region", { name: "Members" })).toContainText("Ana Souza");

    const email = uniqueEmail("newcomer");
    const link = await invite(page, email, "Viewer");
    // The e2e API has no SMTP server: the e-mail goes to the outbox and the link is shown to share.
    await expect(page.getByText("No e-mail server is configured here, so the e-mail was only written to the local outbox.")).toBeVisible();
    await page.getByRole("button", { name: "Copy link" }).click();
    await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Pending invitations" })).toContainText(email);
    await screenshot(page, "members");

    // The newcomer opens the link in a browser that has never signed in.
    const newcomer = await browser.newContext({ locale: "en-US" });
    const invited = await newcomer.newPage();
    await invited.goto(link);
    await expect(invited.getByTestId("invitation-summary")).toContainText(INSTITUTIONS.aurora);
    await expect(invited.getByTestId("invitation-summary")).toContainText(email);
    await expect(invited.getByTestId("invitation-summary")).toContainText("Viewer");
    await invited.getByLabel("Your name").fill("Nina Nova");
    await invited.getByLabel("Choose a password").fill("a-long-password-1");
    await invited.getByLabel("Repeat the password").fill("a-long-password-1");
    await screenshot(invited, "invitation-acceptance");
    await invited.getByRole("button", { name: "Create account and join" }).click();

    await expect(invited).toHaveURL(new RegExp(`/institutions/${institutionId}$`));
    await expect(invited.getByRole("heading", { level: 1, name: INSTITUTIONS.aurora })).toBeVisible();
    await expect(mainNav(invited).getByRole("list", { name: INSTITUTIONS.aurora }).getByRole("link")).toHaveText([
      "Overview",
      "Environments",
      "Certificates",
      "Usage",
      "Health",
      "Notifications",
      "Go-live",
      "Members",
    ]);
    await expect(invited.getByTestId("current-person")).toContainText("Nina Nova");
    await newcomer.close();

    await page.reload();
    await expect(page.getByRole("region", { name: "Members" })).toContainText(email);
    await expect(page.getByRole("region", { name: "Pending invitations" })).not.toContainText(email);
  });

  test("someone with an account signs in from the invitation, comes back and accepts", async ({ page, signIn, browser }) => {
    await signIn(ACCOUNTS.auroraAdmin);
    const institutionId = await openHome(page);
    await page.goto(`/institutions/${institutionId}/members`);
    const link = await invite(page, ACCOUNTS.sertaoAdmin.email, "Admin");

    const other = await browser.newContext({ locale: "en-US" });
    const invited = await other.newPage();
    await invited.goto(link);
    await expect(invited.getByText(`${ACCOUNTS.sertaoAdmin.email} already has an account.`)).toBeVisible();
    await invited.getByRole("link", { name: "Sign in to accept" }).click();
    await expect(invited.getByLabel("E-mail")).toHaveValue(ACCOUNTS.sertaoAdmin.email);
    await invited.getByLabel("Password").fill(DEMO_PASSWORD);
    await invited.getByRole("button", { name: "Sign in", exact: true }).click();

    await expect(invited).toHaveURL(/\/invite\//);
    await invited.getByRole("button", { name: "Accept invitation" }).click();
    await expect(invited).toHaveURL(new RegExp(`/institutions/${institutionId}$`));
    await expect(mainNav(invited).getByRole("heading")).toHaveText([INSTITUTIONS.sertao, INSTITUTIONS.aurora]);
    await other.close();

    // The link worked once.
    const again = await browser.newContext({ locale: "en-US" });
    const reopened = await again.newPage();
    await reopened.goto(link);
    await expect(reopened.getByRole("alert").filter({ hasText: "This invitation has expired or was already used." })).toBeVisible();
    await again.close();
  });

  test("the last admin cannot step down, and the reason is shown in the row", async ({ page, signIn }) => {
    await signIn(ACCOUNTS.horizonteAdmin);
    const institutionId = await openHome(page);
    await page.goto(`/institutions/${institutionId}/members`);
    await page.getByRole("combobox", { name: "Role of Helena Costa" }).selectOption({ label: "Viewer" });
    await expect(
      page.getByRole("alert").filter({ hasText: "An institution needs at least one admin. Make someone else admin first." }),
    ).toBeVisible();
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Role of Helena Costa" })).toHaveValue("ADMIN");
  });

  test("an admin revokes an invitation, and removes a member after confirming", async ({ page, signIn, browser }) => {
    await signIn(ACCOUNTS.auroraAdmin);
    const institutionId = await openHome(page);
    await page.goto(`/institutions/${institutionId}/members`);

    const revoked = uniqueEmail("revoked");
    await invite(page, revoked, "Viewer");
    const pending = page.getByRole("region", { name: "Pending invitations" });
    await pending.getByRole("button", { name: `Revoke the invitation to ${revoked}` }).click();
    await expect(pending).not.toContainText(revoked);

    const leaving = uniqueEmail("leaving");
    const link = await invite(page, leaving, "Admin");
    const joiner = await browser.newContext({ locale: "en-US" });
    const joined = await joiner.newPage();
    await joined.goto(link);
    await joined.getByLabel("Your name").fill("Leo Leaving");
    await joined.getByLabel("Choose a password").fill("a-long-password-2");
    await joined.getByLabel("Repeat the password").fill("a-long-password-2");
    await joined.getByRole("button", { name: "Create account and join" }).click();
    await expect(joined.getByRole("heading", { level: 1, name: INSTITUTIONS.aurora })).toBeVisible();
    await joiner.close();

    await page.reload();
    const members = page.getByRole("region", { name: "Members" });
    await members.getByRole("combobox", { name: "Role of Leo Leaving" }).selectOption({ label: "Viewer" });
    await expect(members.getByRole("combobox", { name: "Role of Leo Leaving" })).toHaveValue("VIEWER");

    await members.getByRole("button", { name: "Remove Leo Leaving" }).click();
    const dialog = page.getByRole("dialog", { name: "Remove Leo Leaving?" });
    await expect(dialog).toContainText(leaving);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(members).toContainText("Leo Leaving");

    await members.getByRole("button", { name: "Remove Leo Leaving" }).click();
    await dialog.getByRole("button", { name: "Remove" }).click();
    await expect(members).not.toContainText("Leo Leaving");
  });
});
