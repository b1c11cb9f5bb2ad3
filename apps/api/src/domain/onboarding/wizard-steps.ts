// The onboarding wizard's steps and their validation. Each step is saved on its own (a draft keeps
// what was entered); submitting re-validates every step together.
import {
  CLOUD_PROVIDERS,
  ENVIRONMENT_KINDS,
  MANAGED_CREDENTIALS_SOURCES,
  REGULATORY_ROLES,
  REQUIRED_ENVIRONMENT_KINDS,
} from "@opus/rules/enums";
import { TEXT_LIMITS as L, MAX_BRANDS } from "@opus/rules/text-limits";
import {
  ACCOUNT_REF_PATTERN,
  CLOUD_REGION_PATTERN,
  DNS_LABEL_PATTERN,
  EMAIL_PATTERN,
  PHONE_PATTERN,
  UUID_PATTERN,
} from "@opus/rules/text-patterns";
import { z } from "zod";

import { zCnpj } from "../institutions/cnpj-schema.ts";

import { ALL_API_FAMILIES, type ApiFamily } from "./api-families.ts";
import { ManagedAccessInput } from "./managed-access-input.ts";

const text = (max: number) => z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);
const uuid = (message: string) => z.string().trim().regex(UUID_PATTERN, message);
const zContact = z.strictObject({
  name: text(L.name),
  email: z
    .email({ pattern: EMAIL_PATTERN, message: "must be an e-mail address" })
    .max(L.email)
    .transform((v) => v.toLowerCase()),
  phone: z
    .string()
    .trim()
    .max(L.phone, `must be at most ${L.phone} characters`)
    .regex(PHONE_PATTERN, "may contain only digits, spaces and + ( ) . -")
    .optional(),
});
const unique = <T>(items: T[]) => new Set(items).size === items.length;

export const IdentityStep = z.strictObject({
  legalName: text(L.legalName),
  tradeName: z.string().trim().max(L.tradeName, `must be at most ${L.tradeName} characters`).optional(),
  cnpj: zCnpj,
  organisationId: uuid("must be the Directory OrganisationId (a UUID)"),
  roles: z
    .array(z.enum(REGULATORY_ROLES))
    .min(1, "choose at least one regulatory role")
    .max(REGULATORY_ROLES.length)
    .refine(unique, "each role only once"),
});

export const ProfileStep = z.strictObject({
  brands: z
    .array(z.strictObject({ name: text(L.brandName), authorisationServerId: uuid("must be the AuthorisationServerId (a UUID)") }))
    .min(1, "add at least one brand")
    .max(MAX_BRANDS, `at most ${MAX_BRANDS} brands`)
    .refine((b) => unique(b.map((x) => x.authorisationServerId)), "each authorisation server only once"),
  apiFamilies: z
    .array(z.enum(ALL_API_FAMILIES as [ApiFamily, ...ApiFamily[]]))
    .min(1, "choose at least one API family")
    .max(ALL_API_FAMILIES.length)
    .refine(unique, "each API family only once"),
});

export const ContactsStep = z.strictObject({ technical: zContact, billing: zContact });

export const DeploymentStep = z.discriminatedUnion("mode", [
  // The region is checked against the configured SaaS regions when saved (see save-wizard-step.ts).
  z.strictObject({ mode: z.literal("SAAS"), region: text(L.cloudRegion) }),
  z.strictObject({
    mode: z.literal("MANAGED"),
    cloudProvider: z.enum(CLOUD_PROVIDERS),
    accountRef: text(L.accountRef).regex(ACCOUNT_REF_PATTERN, "may contain only letters, digits and . : _ -"),
    region: text(L.cloudRegion).regex(CLOUD_REGION_PATTERN, "must be a cloud region code such as sa-east-1"),
    clusterName: text(L.clusterName).regex(DNS_LABEL_PATTERN, "must be lower-case letters, digits and '-'"),
    clusterEndpoint: z.url({ protocol: /^https$/, message: "must be the cluster's https:// API endpoint" }).max(L.clusterEndpoint),
    /**
     * Everything Opus needs to operate in the customer's account: the cluster's kubeconfig, where
     * their API gateway lives, and admin access to their PostgreSQL and RabbitMQ. Stored encrypted
     * as one document and never returned. Optional once stored (kept unless replaced).
     */
    credentials: ManagedAccessInput.optional(),
    /**
     * STORED: the credentials above are sealed here and Opus's workers deploy. AGENT: they never
     * leave the customer's cluster; the agent installed there deploys (README, "The agent").
     */
    credentialsSource: z.enum(MANAGED_CREDENTIALS_SOURCES).default("STORED"),
  }),
  z.strictObject({ mode: z.literal("SELF_MANAGED") }),
]);

export const EnvironmentsStep = z.strictObject({
  kinds: z
    .array(z.enum(ENVIRONMENT_KINDS))
    .refine(unique, "each environment only once")
    .refine((k) => REQUIRED_ENVIRONMENT_KINDS.every((kind) => k.includes(kind)), "homologation and production are required"),
  planId: z.string().trim().min(1, "choose a plan").max(L.id),
});

export const SaveStepInput = z.discriminatedUnion("step", [
  z.strictObject({ step: z.literal("identity"), institutionId: z.string().max(L.id), data: IdentityStep }),
  z.strictObject({ step: z.literal("profile"), institutionId: z.string().max(L.id), data: ProfileStep }),
  z.strictObject({ step: z.literal("contacts"), institutionId: z.string().max(L.id), data: ContactsStep }),
  z.strictObject({ step: z.literal("deployment"), institutionId: z.string().max(L.id), data: DeploymentStep }),
  z.strictObject({ step: z.literal("environments"), institutionId: z.string().max(L.id), data: EnvironmentsStep }),
]);
export type SaveStepInput = z.infer<typeof SaveStepInput>;
