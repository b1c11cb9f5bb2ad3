import { readFile } from "node:fs/promises";
import { ACCOUNTS } from "./support/accounts";
import { expect, signInRequest, test } from "./support/fixtures";
import { lastAttemptNow, outputsOf, pastRuns, renameTenant, saasTenant, viewerOf } from "./support/provisioning";
import { screenshot } from "./support/screenshot";
import { activeTenant } from "./support/tenants";
import { trpcMutation, trpcQuery } from "./support/trpc";

// What the end-to-end engine (apps/api/test/support/e2e-worker.ts) reports for a "falha" stack.
const E2E_ENGINE_FAILURE = "error: opus:tenant:Database (db): error creating role: dial tcp 10.0.4.12:5432: connect: connection refused";

// Every test makes its own tenant, so they run in parallel.
test.describe.configure({ mode: "parallel" });

const environmentPath = (institutionId: string, environmentId: string) => `/institutions/${institutionId}/environments/${environmentId}`;

test("a preview reviewed before the tenant changed is not deployed: the operator is asked to preview again", async ({ page, signIn }) => {
  test.setTimeout(90_000);
  const tenant = await saasTenant();
  await signIn(ACCOUNTS.opusOperator);
  await page.goto(environmentPath(tenant.id, tenant.environmentId));
  await page.getByRole("button", { name: "Preview changes" }).click();
  await page.waitForURL(/\/operations\/[^/]+$/);
  const previewUrl = page.url();
  await expect(page.getByTestId("run-status")).toHaveText("Succeeded", { timeout: 15_000 });

  await renameTenant(tenant, `${tenant.legalName} Renomeado`);
  await page.getByRole("button", { name: "Approve and deploy" }).click();
  const refusal = page.getByRole("region", { name: "Resource changes" }).getByRole("alert");
  await expect(refusal).toContainText("changed since this preview ran");
  await expect(refusal).toContainText("Preview again");
  expect(page.url()).toBe(previewUrl);
  await screenshot(page, "provisioning-preview-outdated");

  // Nothing was queued: the environment still lists the one preview.
  await page.goto(environmentPath(tenant.id, tenant.environmentId));
  await expect(page.getByTestId("runs-table").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("environment-status")).toHaveText("Pending");

  // The refusal offers the way out: a new preview of the changed tenant, which can be approved.
  await page.goto(previewUrl);
  await page.getByRole("button", { name: "Approve and deploy" }).click();
  await page.getByRole("region", { name: "Resource changes" }).getByRole("button", { name: "Preview again" }).click();
  await page.waitForURL((url) => url.pathname.includes("/operations/") && url.href !== previewUrl);
  const againUrl = page.url();
  await expect(page.getByTestId("run-status")).toHaveText("Succeeded", { timeout: 30_000 });
  await page.getByRole("button", { name: "Approve and deploy" }).click();
  await page.waitForURL((url) => url.pathname.includes("/operations/") && url.href !== againUrl);
  await expect(page.getByRole("heading", { name: `Deploy · ${tenant.stackName}` })).toBeVisible();
});

test("an operator previews an environment, approves the changes, follows the deploy live and sees its outputs", async ({
  page,
  signIn,
}) => {
  const tenant = await saasTenant();
  await signIn(ACCOUNTS.opusOperator);
  await page.goto(environmentPath(tenant.id, tenant.environmentId));
  await expect(page.getByRole("heading", { name: "Homologation environment" })).toBeVisible();
  await expect(page.getByTestId("environment-status")).toHaveText("Pending");
  await expect(page.getByText("No runs yet.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Check for drift" })).toBeDisabled();
  // Destruction belongs to offboarding: not offered on a live institution.
  await expect(page.getByRole("button", { name: "Destroy environment" })).toHaveCount(0);

  // A double click queues one preview (one idempotency key per click), and opens its run.
  await page.getByRole("button", { name: "Preview changes" }).dblclick();
  await page.waitForURL(/\/operations\/[^/]+$/);
  const previewUrl = page.url();
  await expect(page.getByRole("heading", { name: `Preview · ${tenant.stackName}` })).toBeVisible();
  await expect(page.getByTestId("run-status")).toHaveText("Succeeded", { timeout: 15_000 });
  await expect(page.getByTestId("change-summary")).toHaveText("+12 to create");

  // Approving the reviewed changes queues the deploy; its run page follows it live.
  await page.getByRole("button", { name: "Approve and deploy" }).click();
  await page.waitForURL((url) => url.pathname.includes("/operations/") && url.href !== previewUrl);
  await expect(page.getByRole("heading", { name: `Deploy · ${tenant.stackName}` })).toBeVisible();
  const log = page.getByRole("log", { name: "Run log" });
  // Lines appear while it is still running (both read at the same moment).
  await expect(async () => {
    await expect(page.getByTestId("run-status")).toHaveText("Running", { timeout: 0 });
    await expect(log).toContainText("kubernetes:core/v1:Namespace", { timeout: 0 });
  }).toPass({ timeout: 10_000, intervals: [100] });
  await expect(page.getByText("Updating live")).toBeVisible();
  await screenshot(page, "provisioning-run-live");
  await expect(log).toContainText("kubernetes:helm.sh/v3:Release");

  await expect(page.getByTestId("run-status")).toHaveText("Succeeded", { timeout: 15_000 });
  await expect(log).toContainText("[control-plane] succeeded");
  await expect(page.getByText("Updating live")).toHaveCount(0);
  await expect(page.getByTestId("change-summary")).toHaveText("+12 created");
  const outputs = outputsOf(tenant.stackName);
  const runOutputs = page.getByTestId("stack-outputs");
  await expect(runOutputs).toContainText(outputs.databaseName);
  await expect(runOutputs.getByRole("link", { name: outputs.gatewayUrl })).toBeVisible();
  await expect(page.getByTestId("run-attempt")).toHaveText("1 attempt");
  await screenshot(page, "provisioning-run-succeeded");

  // The environment is active, shows the deploy's outputs and both runs (one preview, not two).
  await page.getByRole("link", { name: "Homologation environment" }).click();
  await expect(page.getByTestId("environment-status")).toHaveText("Active");
  await expect(page.getByTestId("stack-outputs")).toContainText(outputs.gatewayUrl);
  await expect(page.getByTestId("stack-outputs")).toContainText(outputs.queueVhost);
  const runs = page.getByTestId("runs-table").locator("tbody tr");
  await expect(runs).toHaveCount(2);
  await expect(runs.nth(0)).toContainText("Deploy");
  await expect(runs.nth(0)).toContainText("Succeeded");
  await expect(runs.nth(0)).toContainText("(Opus)");
  await expect(runs.nth(1)).toContainText("Preview");
  await expect(page.getByRole("button", { name: "Check for drift" })).toBeEnabled();
  await expect(page.getByTestId("institution-status")).toHaveText("Active");
  await screenshot(page, "provisioning-environment");
});

test("a failing deploy shows the engine's error word for word, while it retries and once it fails, on the run and on the environment", async ({
  page,
  signIn,
  playwright,
  baseURL,
}) => {
  const tenant = await saasTenant({ slugPrefix: "banco-falha" });
  const operator = await signInRequest(playwright, baseURL ?? "", ACCOUNTS.opusOperator);
  const { operation } = await trpcMutation<{ operation: { id: string } }>(operator, baseURL ?? "", "environments.deploy", {
    institutionId: tenant.id,
    environmentId: tenant.environmentId,
  });
  await operator.dispose();

  await signIn(ACCOUNTS.opusOperator);
  await page.goto(`/institutions/${tenant.id}/operations/${operation.id}`);
  await expect(page.getByRole("log", { name: "Run log" })).toContainText(`Updating (${tenant.stackName})`, { timeout: 10_000 });

  // The first attempt fails and waits for its retry: the error is shown with the next attempt's time.
  const retry = page.getByTestId("retry-notice");
  await expect(retry).toContainText(/Attempt \d of 5 failed/, { timeout: 15_000 });
  await expect(retry.getByTestId("engine-error")).toHaveText(E2E_ENGINE_FAILURE);
  await expect(page.getByTestId("run-status")).toHaveText("Queued");
  await screenshot(page, "provisioning-run-retrying");

  // Its last attempt: the run fails with the engine's text, verbatim.
  await lastAttemptNow(operation.id);
  await expect(page.getByTestId("run-status")).toHaveText("Failed", { timeout: 15_000 });
  await expect(page.getByRole("heading", { name: "The run failed" })).toBeVisible();
  await expect(page.getByTestId("engine-error")).toHaveText(E2E_ENGINE_FAILURE);
  await expect(page.getByRole("log", { name: "Run log" })).toContainText(`[control-plane] failed, not retrying: ${E2E_ENGINE_FAILURE}`);
  await screenshot(page, "provisioning-run-failed");

  // The environment is failed and points at the run whose error explains it.
  await page.getByRole("link", { name: "Homologation environment" }).click();
  await expect(page.getByTestId("environment-status")).toHaveText("Failed");
  const notice = page.getByTestId("failed-run-notice");
  await expect(notice.getByRole("heading", { name: "The last deploy failed" })).toBeVisible();
  await expect(notice.getByTestId("engine-error")).toHaveText(E2E_ENGINE_FAILURE);
  await screenshot(page, "provisioning-environment-failed");
  await notice.getByRole("link", { name: "Open the failed run" }).click();
  await expect(page).toHaveURL(new RegExp(`/operations/${operation.id}$`));
});

test("a viewer of the institution sees the environment and its runs, in English and Portuguese, but no operator actions", async ({
  page,
  signIn,
  baseURL,
}) => {
  const tenant = await saasTenant({ status: "ACTIVE", environmentStatus: "ACTIVE" });
  await pastRuns(tenant);
  const viewer = await viewerOf(tenant.id);
  await signIn(viewer);
  await page.goto(environmentPath(tenant.id, tenant.environmentId));

  await expect(page.getByTestId("environment-status")).toHaveText("Active");
  await expect(page.getByTestId("stack-outputs")).toContainText(outputsOf(tenant.stackName).gatewayUrl);
  const runs = page.getByTestId("runs-table").locator("tbody tr");
  await expect(runs).toHaveCount(2);
  await expect(runs.nth(0)).toContainText("Drift check");
  await expect(runs.nth(0)).toContainText("Queued");
  await expect(runs.nth(1)).toContainText("Deploy");
  await expect(runs.nth(1)).toContainText("Control plane (automatic)");
  await expect(runs.nth(1)).toContainText("12 s");
  for (const name of ["Preview changes", "Check for drift", "Approve and deploy", /Cancel/, "Destroy environment"]) {
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  }
  await expect(page.getByRole("region", { name: "Operations" })).toHaveCount(0);

  // A finished run keeps its log; a queued one cannot be cancelled by a viewer.
  await runs
    .nth(1)
    .getByRole("link", { name: /Open the deploy run/ })
    .click();
  await expect(page.getByRole("log", { name: "Run log" })).toContainText("Resources: + 12 created");
  await expect(page.getByText("3 lines")).toBeVisible();
  await expect(page.getByRole("button", { name: /Cancel/ })).toHaveCount(0);

  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "pt-BR", url: baseURL ?? "" }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: `Implantação · ${tenant.stackName}` })).toBeVisible();
  await expect(page.getByTestId("run-status")).toHaveText("Concluída");
  await expect(page.getByTestId("change-summary")).toHaveText("+12 criados");
  await screenshot(page, "provisioning-run-pt-BR");
  await page.getByRole("link", { name: "Ambiente de Homologação" }).click();
  await expect(page.getByRole("heading", { name: "Execuções" })).toBeVisible();
  await expect(page.getByTestId("runs-table").locator("tbody tr").nth(0)).toContainText("Verificação de desvios");
  await expect(page.getByRole("button", { name: /Cancelar/ })).toHaveCount(0);
  await screenshot(page, "provisioning-environment-viewer-pt-BR");
});

test("while offboarding, an operator cancels a queued run and destroys the environment", async ({ page, signIn }) => {
  const tenant = await saasTenant({ status: "OFFBOARDING", environmentStatus: "ACTIVE" });
  await pastRuns(tenant);
  await signIn(ACCOUNTS.opusOperator);
  await page.goto(environmentPath(tenant.id, tenant.environmentId));

  // The drift check queued for tomorrow would hold the stack (runs of a stack go in order): cancel it.
  const queued = page.getByTestId("runs-table").locator("tbody tr").filter({ hasText: "Drift check" });
  await queued.getByRole("button", { name: /Cancel the drift check run of/ }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel this drift check run?" });
  await expect(dialog).toContainText("It has not started");
  await dialog.getByRole("button", { name: "Cancel the run" }).click();
  await expect(queued).toContainText("Cancelled");
  await expect(queued.getByRole("button", { name: /Cancel/ })).toHaveCount(0);

  await page.getByRole("button", { name: "Destroy environment" }).click();
  const confirm = page.getByRole("dialog", { name: "Destroy the Homologation environment?" });
  await expect(confirm).toContainText(tenant.stackName);
  await confirm.getByRole("button", { name: "Destroy environment" }).click();
  await page.waitForURL(/\/operations\/[^/]+$/);
  await expect(page.getByRole("heading", { name: `Destroy · ${tenant.stackName}` })).toBeVisible();
  await expect(page.getByTestId("run-status")).toHaveText("Succeeded", { timeout: 15_000 });
  await page.getByRole("link", { name: "Homologation environment" }).click();
  await expect(page.getByTestId("environment-status")).toHaveText("Removed");
  await expect(page.getByText("This environment has been destroyed.")).toBeVisible();
  await expect(page.getByText("The environment was destroyed: nothing is deployed any more.")).toBeVisible();
});

test("a self-managed institution's admin downloads the install bundle with a new usage-reporting key", async ({
  page,
  signIn,
  playwright,
  baseURL,
}) => {
  const tenant = await activeTenant(playwright, baseURL ?? "", "Autogerida");
  const admin = await signInRequest(playwright, baseURL ?? "", tenant.admin);
  const environments = await trpcQuery<{ id: string; kind: string }[]>(admin, "environments.find", { institutionId: tenant.id });
  await admin.dispose();
  const homologation = environments.find((e) => e.kind === "HOMOLOGATION");
  if (!homologation) throw new Error("the self-managed tenant has no homologation environment");

  await signIn(tenant.admin);
  await page.goto(environmentPath(tenant.id, homologation.id));
  const panel = page.getByRole("region", { name: "Install bundle" });
  await expect(panel).toContainText("Each bundle carries a NEW usage-reporting key, shown only once");
  await expect(panel).toContainText("revokes the previous key");
  // Opus never provisions a self-managed environment: no runs, no operator actions.
  await expect(page.getByRole("button", { name: "Preview changes" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Runs" })).toHaveCount(0);

  await panel.getByRole("button", { name: "Download install bundle" }).click();
  const dialog = page.getByRole("dialog", { name: "Issue a new usage-reporting key?" });
  await dialog.getByRole("button", { name: "Issue the bundle" }).click();
  const prefix = ((await panel.getByTestId("key-prefix").textContent()) ?? "").replace("…", "");
  expect(prefix).toMatch(/^opus_uk_[\w-]{6}$/);
  const files = panel.getByRole("table", { name: "Files" }).locator("tbody tr");
  await expect(files).toHaveCount(5);
  await expect(files.filter({ hasText: "agent/report-agent-values.yaml" })).toHaveCount(1);

  const [token] = await Promise.all([
    page.waitForEvent("download"),
    panel.getByRole("button", { name: "Download usage-reporting-token" }).click(),
  ]);
  expect(token.suggestedFilename()).toBe("usage-reporting-token");
  expect(await readFile(await token.path(), "utf8")).toMatch(new RegExp(`^${prefix}[\\w-]+$`));
  const [stackConfig] = await Promise.all([
    page.waitForEvent("download"),
    panel.getByRole("button", { name: /Download pulumi\/Pulumi\..*\.yaml/ }).click(),
  ]);
  expect(await readFile(await stackConfig.path(), "utf8")).toContain("opus-tenant:mode: SELF_MANAGED");
  await screenshot(page, "provisioning-install-bundle");
});
