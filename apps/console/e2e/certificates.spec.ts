import { generateKeyPairSync } from "node:crypto";
import { expect, test } from "./support/fixtures";
import { screenshot } from "./support/screenshot";
import { activeTenant } from "./support/tenants";

type MakeCertificate = (options: {
  kind: "BRCAC" | "BRSEAL";
  cnpj: string;
  organisationId: string;
  notBefore?: Date;
  notAfter?: Date;
}) => Promise<{ pem: string }>;

// The API's own test helper builds real Open Finance Brasil-style certificates at test time. It is
// loaded by path so the console's type check (DOM typings) does not check the API's Node code.
const HELPER = "../../api/test/support/make-certificate.ts";
const loadHelper = async () => ((await import(HELPER)) as { makeCertificate: MakeCertificate }).makeCertificate;

test("an institution admin uploads a certificate, sees its expiry warning, is refused a private key, and removes it", async ({
  page,
  signIn,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const makeCertificate = await loadHelper();
  const tenant = await activeTenant(playwright, baseURL ?? "");
  await signIn(tenant.admin);
  await page.goto(`/institutions/${tenant.id}/certificates`);
  await expect(page.getByText("No certificates yet")).toBeVisible();
  const pem = page.getByLabel("Certificate (PEM)");
  const upload = page.getByRole("button", { name: "Upload certificate" });

  // A private key is refused, with the API's reason, and nothing is stored.
  const privateKey = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  await pem.fill(privateKey);
  await upload.click();
  await expect(page.getByText("This is a private key, and private keys must never be uploaded. Nothing was stored.")).toBeVisible();
  await expect(pem).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("No certificates yet")).toBeVisible();
  await screenshot(page, "certificates-private-key-refused");

  // Another organisation's certificate is refused, naming both organisations.
  const foreign = await makeCertificate({ kind: "BRCAC", cnpj: tenant.cnpj.replace(/\W/g, ""), organisationId: crypto.randomUUID() });
  await pem.fill(foreign.pem);
  await upload.click();
  await expect(page.getByText(`but this institution's is OFBBR-${tenant.organisationId}`)).toBeVisible();

  // The institution's own BRCAC, expiring in five days.
  const soon = await makeCertificate({
    kind: "BRCAC",
    cnpj: tenant.cnpj.replace(/\W/g, ""),
    organisationId: tenant.organisationId,
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: new Date(Date.now() + 5 * 86_400_000),
  });
  await pem.fill(soon.pem);
  await upload.click();
  await expect(page.getByText("The BRCAC certificate was uploaded.")).toBeVisible();
  const row = page.getByRole("table").getByRole("row").filter({ hasText: "BRCAC" });
  await expect(row).toContainText(`OFBBR-${tenant.organisationId}`);
  await expect(row).toContainText("Expires within 7 days");
  await screenshot(page, "certificates");

  // The overview warns about it.
  await page.getByRole("navigation", { name: "Institution sections" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByText("The BRCAC certificate expires within 7 days")).toBeVisible();

  await page.getByRole("link", { name: "Open the certificates" }).click();
  await row.getByRole("button", { name: /Remove certificate BRCAC/ }).click();
  const dialog = page.getByRole("dialog", { name: /Remove certificate BRCAC/ });
  await dialog.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("No certificates yet")).toBeVisible();
});
