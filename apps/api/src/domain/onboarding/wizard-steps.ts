// The onboarding wizard's steps and their validation. Each step is saved on its own (a draft keeps
// what was entered); submitting re-validates every step together.
import { z } from "zod";
import { zCnpj } from "../institutions/cnpj.ts";
import { ManagedCredentialsSchema } from "../institutions/managed-credentials.ts";
import { ALL_API_FAMILIES, type ApiFamily } from "./api-families.ts";

export const WIZARD_STEPS = ["identity", "profile", "contacts", "deployment", "environments"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

const text = (max: number) => z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);
const zContact = z.strictObject({
  name: text(120),
  email: z
    .email("must be an e-mail address")
    .max(254)
    .transform((v) => v.toLowerCase()),
  phone: z
    .string()
    .trim()
    .max(40, "must be at most 40 characters")
    .regex(/^[+\d\s().-]*$/, "may contain only digits, spaces and + ( ) . -")
    .optional(),
});
const unique = <T>(items: T[]) => new Set(items).size === items.length;

export const IdentityStep = z.strictObject({
  legalName: text(200),
  tradeName: z.string().trim().max(120, "must be at most 120 characters").optional(),
  cnpj: zCnpj,
  organisationId: z.uuid("must be the Directory OrganisationId (a UUID)"),
  roles: z
    .array(z.enum(["DADOS", "PAGTO", "CONTA", "CCORR"]))
    .min(1, "choose at least one regulatory role")
    .max(4)
    .refine(unique, "each role only once"),
});

export const ProfileStep = z.strictObject({
  brands: z
    .array(z.strictObject({ name: text(120), authorisationServerId: z.uuid("must be the AuthorisationServerId (a UUID)") }))
    .min(1, "add at least one brand")
    .max(20, "at most 20 brands")
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
  z.strictObject({ mode: z.literal("SAAS"), region: text(40) }),
  z.strictObject({
    mode: z.literal("MANAGED"),
    cloudProvider: z.enum(["AWS", "GCP", "AZURE"]),
    accountRef: text(64).regex(/^[\w.:-]+$/, "may contain only letters, digits and . : _ -"),
    region: text(40).regex(/^[a-z0-9-]+$/, "must be a cloud region code such as sa-east-1"),
    clusterName: text(63).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be lower-case letters, digits and '-'"),
    clusterEndpoint: z.url({ protocol: /^https$/, message: "must be the cluster's https:// API endpoint" }).max(255),
    /**
     * Everything Opus needs to operate in the customer's account: the cluster's kubeconfig, where
     * their API gateway lives, and admin access to their PostgreSQL and RabbitMQ. Stored encrypted
     * as one document and never returned. Optional once stored (kept unless replaced).
     */
    credentials: ManagedCredentialsSchema.extend({
      kubeconfig: z.string().min(20, "paste the full kubeconfig").max(64_000, "is too large for a kubeconfig"),
    }).optional(),
  }),
  z.strictObject({ mode: z.literal("SELF_MANAGED") }),
]);

export const EnvironmentsStep = z.strictObject({
  kinds: z
    .array(z.enum(["DEVELOPMENT", "HOMOLOGATION", "PRODUCTION"]))
    .refine(unique, "each environment only once")
    .refine((k) => k.includes("HOMOLOGATION") && k.includes("PRODUCTION"), "homologation and production are required"),
  planId: z.string().trim().min(1, "choose a plan").max(64),
});

export const SaveStepInput = z.discriminatedUnion("step", [
  z.strictObject({ step: z.literal("identity"), institutionId: z.string().max(64), data: IdentityStep }),
  z.strictObject({ step: z.literal("profile"), institutionId: z.string().max(64), data: ProfileStep }),
  z.strictObject({ step: z.literal("contacts"), institutionId: z.string().max(64), data: ContactsStep }),
  z.strictObject({ step: z.literal("deployment"), institutionId: z.string().max(64), data: DeploymentStep }),
  z.strictObject({ step: z.literal("environments"), institutionId: z.string().max(64), data: EnvironmentsStep }),
]);
export type SaveStepInput = z.infer<typeof SaveStepInput>;
