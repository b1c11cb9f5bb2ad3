// The access Opus needs to operate inside a managed sub-account, entered as one section and stored
// by the API as one encrypted document: the cluster's kubeconfig, where the API gateway lives, and
// admin access to the PostgreSQL and RabbitMQ servers. Never returned by the API, so never pre-filled.
import { TEXT_LIMITS } from "@opus/rules/text-limits";
import { CIDR_PATTERN, DNS_LABEL_PATTERN, HOST_PATTERN, PORT_RANGE } from "@opus/rules/text-patterns";
import type { DatabaseSslMode, ManagedCredentials } from "@/lib/router-types";
import type { FieldErrors } from "./field-errors";

export type CredentialsForm = {
  kubeconfig: string;
  gatewayDomain: string;
  gatewayNamespace: string;
  dbHost: string;
  dbPort: string;
  dbUser: string;
  dbPassword: string;
  dbSslMode: DatabaseSslMode;
  dbCidr: string;
  mqEndpoint: string;
  mqUser: string;
  mqPassword: string;
  mqHost: string;
  mqPort: string;
  mqCidr: string;
};

export const EMPTY_CREDENTIALS: CredentialsForm = {
  kubeconfig: "",
  gatewayDomain: "",
  gatewayNamespace: "",
  dbHost: "",
  dbPort: "5432",
  dbUser: "",
  dbPassword: "",
  dbSslMode: "require",
  dbCidr: "",
  mqEndpoint: "",
  mqUser: "",
  mqPassword: "",
  mqHost: "",
  mqPort: "5671",
  mqCidr: "",
};

/** Form field → the API's input path, so the API's field errors land on the right input. */
export const CREDENTIAL_PATHS: Record<keyof CredentialsForm, string> = {
  kubeconfig: "credentials.kubeconfig",
  gatewayDomain: "credentials.gateway.domain",
  gatewayNamespace: "credentials.gateway.namespace",
  dbHost: "credentials.database.host",
  dbPort: "credentials.database.port",
  dbUser: "credentials.database.adminUser",
  dbPassword: "credentials.database.adminPassword",
  dbSslMode: "credentials.database.sslMode",
  dbCidr: "credentials.database.cidr",
  mqEndpoint: "credentials.queue.endpoint",
  mqUser: "credentials.queue.adminUser",
  mqPassword: "credentials.queue.adminPassword",
  mqHost: "credentials.queue.host",
  mqPort: "credentials.queue.port",
  mqCidr: "credentials.queue.cidr",
};

// Fields with a sensible default do not count as "started filling in".
const TYPED: (keyof CredentialsForm)[] = (Object.keys(EMPTY_CREDENTIALS) as (keyof CredentialsForm)[]).filter(
  (k) => EMPTY_CREDENTIALS[k] === "",
);

export function credentialsStarted(form: CredentialsForm): boolean {
  return TYPED.some((k) => form[k].trim() !== "");
}

function isPort(value: string): boolean {
  const port = Number(value);
  return /^\d+$/.test(value.trim()) && port >= PORT_RANGE.min && port <= PORT_RANGE.max;
}

function isWebUrl(value: string): boolean {
  return URL.canParse(value) && ["http:", "https:"].includes(new URL(value).protocol);
}

/** With credentials already stored, an untouched section keeps them; once started, everything is needed. */
export function validateCredentials(form: CredentialsForm, stored: boolean): FieldErrors {
  if (stored && !credentialsStarted(form)) return {};
  const errors: FieldErrors = {};
  const need = (field: keyof CredentialsForm, valid: (v: string) => boolean, problem: FieldErrors[string]) => {
    const value = form[field].trim();
    if (!value) errors[CREDENTIAL_PATHS[field]] = "required";
    else if (!valid(value)) errors[CREDENTIAL_PATHS[field]] = problem;
  };
  need("kubeconfig", (v) => v.length >= TEXT_LIMITS.kubeconfigMin, "kubeconfigShort");
  need("gatewayDomain", (v) => HOST_PATTERN.test(v), "hostname");
  need("gatewayNamespace", (v) => DNS_LABEL_PATTERN.test(v), "dnsLabel");
  need("dbHost", (v) => HOST_PATTERN.test(v), "hostname");
  need("dbPort", isPort, "port");
  need("dbUser", () => true, "required");
  need("dbPassword", () => true, "required");
  need("dbCidr", (v) => CIDR_PATTERN.test(v), "cidr");
  need("mqEndpoint", isWebUrl, "url");
  need("mqUser", () => true, "required");
  need("mqPassword", () => true, "required");
  need("mqHost", (v) => HOST_PATTERN.test(v), "hostname");
  need("mqPort", isPort, "port");
  need("mqCidr", (v) => CIDR_PATTERN.test(v), "cidr");
  return errors;
}

export function credentialsData(form: CredentialsForm): ManagedCredentials {
  return {
    kubeconfig: form.kubeconfig,
    gateway: { domain: form.gatewayDomain.trim(), namespace: form.gatewayNamespace.trim() },
    database: {
      host: form.dbHost.trim(),
      port: Number(form.dbPort),
      adminUser: form.dbUser.trim(),
      adminPassword: form.dbPassword,
      sslMode: form.dbSslMode,
      cidr: form.dbCidr.trim(),
    },
    queue: {
      kind: "rabbitmq",
      endpoint: form.mqEndpoint.trim(),
      adminUser: form.mqUser.trim(),
      adminPassword: form.mqPassword,
      host: form.mqHost.trim(),
      port: Number(form.mqPort),
      cidr: form.mqCidr.trim(),
    },
  };
}
