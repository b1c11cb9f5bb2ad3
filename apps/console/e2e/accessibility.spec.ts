// axe-core on every main page and state, for each kind of person who sees it: no serious or
// critical violation. One test per page (axe takes seconds a page); results per page in
// test-results/axe/<name>.json.
import { WIZARD_STEPS } from "@opus/rules/onboarding";
import type { PlaywrightWorkerArgs } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { type Credentials, expect, signInRequest, test } from "./support/fixtures";
import { failedRun, pastRuns, saasTenant, viewerOf } from "./support/provisioning";
import { invitedTenant } from "./support/tenants";
import { trpcQuery } from "./support/trpc";

test.describe.configure({ mode: "parallel" });

test("sign-in, its errors and the TOTP step", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/sign-in");
  await expectAccessible(page, "sign-in");
  await page.getByLabel("E-mail").fill(ACCOUNTS.opusAdmin.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /./ }).first()).toBeVisible();
  await expectAccessible(page, "sign-in-error");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByLabel("Authentication code")).toBeFocused();
  await expectAccessible(page, "sign-in-totp");
  await page.getByLabel("Authentication code").fill("000000");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /./ }).first()).toBeVisible();
  await expectAccessible(page, "sign-in-totp-error");
  await page.goto("/sign-up");
  await expectAccessible(page, "sign-up");
});

for (const [name, path] of [
  ["dashboard", "/dashboard"],
  ["institutions", "/institutions"],
  ["approvals", "/approvals"],
  ["signups", "/signups"],
  ["billing", "/billing"],
  ["billing-prices", "/billing/prices"],
  ["billing-meters", "/billing/meters"],
  ["plans", "/plans"],
  ["health", "/health"],
  ["releases", "/releases"],
  ["rollouts", "/rollouts"],
  ["versions", "/versions"],
  ["audit", "/audit"],
] as const) {
  test(`staff page: ${name}`, async ({ page, signIn }) => {
    await signIn(ACCOUNTS.opusAdmin);
    await page.goto(path);
    await expectAccessible(page, `staff-${name}`);
  });
}

const SECTIONS = ["", "/environments", "/certificates", "/usage", "/health", "/go-live", "/api-keys", "/members", "/audit"];
const sectionName = (segment: string) => segment.replace("/", "") || "overview";

async function auroraId(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string): Promise<string> {
  const ana = await signInRequest(playwright, baseURL, ACCOUNTS.auroraAdmin);
  const me = await trpcQuery<{ memberships: { institution: { id: string } }[] }>(ana, "me.get");
  await ana.dispose();
  return me.memberships[0]?.institution.id ?? "";
}

for (const [reader, who] of [
  ["staff", ACCOUNTS.opusAdmin],
  ["customer", ACCOUNTS.auroraAdmin],
] as const) {
  for (const segment of SECTIONS) {
    test(`institution tab ${sectionName(segment)} (${reader})`, async ({ page, signIn, playwright, baseURL }) => {
      const id = await auroraId(playwright, baseURL ?? "");
      await signIn(who);
      await page.goto(`/institutions/${id}${segment}`);
      await expectAccessible(page, `${reader}-institution-${sectionName(segment)}`);
    });
  }
}

for (const name of ["staff", "customer"] as const) {
  test(`environment and run pages, succeeded and failed (${name})`, async ({ page, signIn }) => {
    test.setTimeout(120_000);
    const tenant = await saasTenant({ status: "ACTIVE", environmentStatus: "ACTIVE" });
    const { deployId } = await pastRuns(tenant);
    const failing = await saasTenant({ slugPrefix: "falha", status: "APPROVED", environmentStatus: "PENDING" });
    const failedId = await failedRun(failing, "error: connection refused");
    // A customer is a member of one institution: a viewer of each, signed in in turn.
    const reader = async (institutionId: string): Promise<Credentials> =>
      name === "staff" ? ACCOUNTS.opusOperator : await viewerOf(institutionId);
    await signIn(await reader(tenant.id));
    await page.goto(`/institutions/${tenant.id}/environments/${tenant.environmentId}`);
    await expectAccessible(page, `${name}-environment-active`);
    await page.goto(`/institutions/${tenant.id}/operations/${deployId}`);
    await expect(page.getByTestId("run-status")).toHaveText("Succeeded");
    await expectAccessible(page, `${name}-run-succeeded`);
    await signIn(await reader(failing.id));
    await page.goto(`/institutions/${failing.id}/environments/${failing.environmentId}`);
    await expectAccessible(page, `${name}-environment-failed`);
    await page.goto(`/institutions/${failing.id}/operations/${failedId}`);
    await expect(page.getByTestId("run-status")).toHaveText("Failed");
    await expectAccessible(page, `${name}-run-failed`);
  });
}

test("each wizard step", async ({ page, signIn, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const tenant = await invitedTenant(playwright, baseURL ?? "");
  await signIn(tenant.admin);
  for (const step of [...WIZARD_STEPS, "review"]) {
    await page.goto(`/institutions/${tenant.id}/onboarding?step=${step}`);
    await expect(page.getByRole("navigation", { name: "Onboarding steps" }).locator('[aria-current="step"]')).toBeVisible();
    await expectAccessible(page, `wizard-${step}`);
  }
});

test("each deployment variant of the wizard, and a step's errors", async ({ page, signIn, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const tenant = await invitedTenant(playwright, baseURL ?? "");
  await signIn(tenant.admin);
  await page.goto(`/institutions/${tenant.id}/onboarding?step=deployment`);
  for (const [variant, label] of [
    ["saas", /^SaaS/],
    ["managed", /^Managed sub-account/],
    ["self-managed", /^Self-managed/],
  ] as const) {
    await page.getByRole("radio", { name: label }).check();
    await expectAccessible(page, `wizard-deployment-${variant}`);
  }
  await page.goto(`/institutions/${tenant.id}/onboarding?step=identity`);
  await page.getByLabel("CNPJ", { exact: true }).fill("11222333000180");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expectAccessible(page, "wizard-identity-errors");
});
