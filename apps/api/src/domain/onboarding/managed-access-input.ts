// A managed account's access as the wizard receives it: stricter than what the worker later needs
// (ManagedCredentialsSchema), so a typing mistake is a 400 on the field now, not a failed deploy
// later. The shapes and lengths are the console's too (@opus/rules/text-limits, text-patterns).
import { TEXT_LIMITS as L } from "@opus/rules/text-limits";
import { CIDR_PATTERN, DNS_LABEL_PATTERN, HOST_PATTERN, PORT_RANGE } from "@opus/rules/text-patterns";
import { z } from "zod";
import { type ManagedCredentials, ManagedCredentialsSchema } from "../institutions/managed-credentials.ts";

const required = (max: number) => z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);
const host = required(L.host).regex(HOST_PATTERN, "must be a host name or an IP address");
const port = z.number().int().min(PORT_RANGE.min, "must be a port from 1 to 65535").max(PORT_RANGE.max, "must be a port from 1 to 65535");
const cidr = required(L.cidr).regex(CIDR_PATTERN, "must be an address range such as 10.0.0.0/16");
const adminUser = required(L.adminUser);
// Passwords are kept exactly as typed: spaces may be part of them.
const adminPassword = z.string().min(1, "is required").max(L.adminPassword, `must be at most ${L.adminPassword} characters`);

export const ManagedAccessInput = z.strictObject({
  kubeconfig: z.string().min(L.kubeconfigMin, "paste the full kubeconfig").max(L.kubeconfigMax, "is too large for a kubeconfig"),
  gateway: z.strictObject({
    domain: host,
    namespace: required(L.namespace).regex(DNS_LABEL_PATTERN, "must be a Kubernetes namespace: lower-case letters, digits and '-'"),
  }),
  database: z.strictObject({
    host,
    port,
    adminUser,
    adminPassword,
    sslMode: ManagedCredentialsSchema.shape.database.shape.sslMode,
    cidr,
  }),
  queue: z.strictObject({
    kind: z.literal("rabbitmq"),
    endpoint: z.url({ protocol: /^https?$/, message: "must be the management API's http(s):// URL" }).max(L.queueEndpoint),
    adminUser,
    adminPassword,
    host,
    port,
    cidr,
  }),
}) satisfies z.ZodType<ManagedCredentials>;
