import type { ManagedCredentialsSource } from "@opus/rules/enums";
import { ACCOUNT_REF_PATTERN, CLOUD_REGION_PATTERN, DNS_LABEL_PATTERN } from "@opus/rules/text-patterns";
import type { CloudProvider, DeploymentMode, InstitutionDetail, StepData } from "@/lib/router-types";
import { type CredentialsForm, credentialsData, credentialsStarted, EMPTY_CREDENTIALS, validateCredentials } from "./credentials-form";
import type { FieldErrors } from "./field-errors";

export type ManagedForm = {
  cloudProvider: CloudProvider | "";
  accountRef: string;
  region: string;
  clusterName: string;
  clusterEndpoint: string;
};
export type DeploymentForm = {
  mode: DeploymentMode | "";
  saasRegion: string;
  managed: ManagedForm;
  /** STORED: the access below is given to Opus; AGENT: it stays with the agent in the customer's cluster. */
  credentialsSource: ManagedCredentialsSource;
  credentials: CredentialsForm;
};

export function deploymentForm(institution: InstitutionDetail): DeploymentForm {
  const account = institution.managedAccount;
  return {
    mode: institution.deploymentMode ?? "",
    saasRegion: institution.deploymentMode === "SAAS" ? (institution.region ?? "") : "",
    managed: {
      cloudProvider: account?.cloudProvider ?? "",
      accountRef: account?.accountRef ?? "",
      region: account?.region ?? "",
      clusterName: account?.clusterName ?? "",
      clusterEndpoint: account?.clusterEndpoint ?? "",
    },
    credentialsSource: account?.credentialsSource ?? "STORED",
    credentials: EMPTY_CREDENTIALS,
  };
}

function isHttpsUrl(value: string): boolean {
  return URL.canParse(value) && new URL(value).protocol === "https:";
}

/** `credentialsStored`: a managed account already has its access stored, so entering it again is optional. */
export function validateDeployment(form: DeploymentForm, regions: readonly string[], credentialsStored: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.mode) errors.mode = "modeRequired";
  if (form.mode === "SAAS" && !regions.includes(form.saasRegion)) errors.region = "regionRequired";
  if (form.mode !== "MANAGED") return errors;
  const m = form.managed;
  if (!m.cloudProvider) errors.cloudProvider = "required";
  if (!m.accountRef.trim()) errors.accountRef = "required";
  else if (!ACCOUNT_REF_PATTERN.test(m.accountRef.trim())) errors.accountRef = "accountRef";
  if (!m.region.trim()) errors.region = "required";
  else if (!CLOUD_REGION_PATTERN.test(m.region.trim())) errors.region = "regionCode";
  if (!m.clusterName.trim()) errors.clusterName = "required";
  else if (!DNS_LABEL_PATTERN.test(m.clusterName.trim())) errors.clusterName = "dnsLabel";
  if (!m.clusterEndpoint.trim()) errors.clusterEndpoint = "required";
  else if (!isHttpsUrl(m.clusterEndpoint.trim())) errors.clusterEndpoint = "endpoint";
  // With the agent nothing is asked: the credentials never leave the customer's cluster.
  if (form.credentialsSource === "AGENT") return errors;
  return { ...errors, ...validateCredentials(form.credentials, credentialsStored) };
}

export function deploymentData(form: DeploymentForm): StepData<"deployment"> {
  if (form.mode === "SAAS") return { mode: "SAAS", region: form.saasRegion };
  if (form.mode === "SELF_MANAGED") return { mode: "SELF_MANAGED" };
  const m = form.managed;
  return {
    mode: "MANAGED",
    cloudProvider: m.cloudProvider as CloudProvider,
    accountRef: m.accountRef.trim(),
    region: m.region.trim(),
    clusterName: m.clusterName.trim(),
    clusterEndpoint: m.clusterEndpoint.trim(),
    credentialsSource: form.credentialsSource,
    // The API refuses credentials sent with the agent, so none are, even if some were typed before switching.
    ...(form.credentialsSource === "AGENT" ? {} : storedAccess(form.credentials)),
  };
}

function storedAccess(credentials: CredentialsForm) {
  return {
    // Left empty, the stored access is kept: it is never sent back to the browser.
    credentials: credentialsStarted(credentials) ? credentialsData(credentials) : undefined,
  };
}
