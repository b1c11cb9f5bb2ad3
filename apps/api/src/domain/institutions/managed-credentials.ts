// What a managed account's sealed credentials hold once decrypted: the customer's cluster
// kubeconfig and the admin credentials of the PostgreSQL and RabbitMQ servers in their cloud,
// plus where their API gateway lives. Stored as one JSON envelope so every secret of the tenant's
// cloud stays encrypted together. The onboarding wizard validates it on the way in; the worker's
// spec builder parses it on the way out (provisioning/managed-credentials.ts).
import { TenantEnvironmentSpecSchema } from "@opus/provisioner/spec";
import { z } from "zod";

const spec = TenantEnvironmentSpecSchema.shape;

export const ManagedCredentialsSchema = z.strictObject({
  kubeconfig: z.string().min(1),
  gateway: z.strictObject({ domain: spec.target.shape.gatewayDomain, namespace: spec.target.shape.gatewayNamespace }),
  database: spec.database,
  queue: spec.queue,
});

export type ManagedCredentials = z.infer<typeof ManagedCredentialsSchema>;
