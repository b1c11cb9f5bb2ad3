// What travels between an agent and /api/v1/agent: the zod schemas the routes validate with, the
// OpenAPI description is generated from, and the agent parses answers with. One file, so the two
// ends cannot disagree.
import { TenantEnvironmentSpecSchema } from "@opus/provisioner/spec";
import { z } from "zod";
import { AGENT_VERSION_MAX } from "../domain/agent-contact/agent-contact.ts";

const MAX_LINE = 8_001; // log-sink.ts cuts lines at 8,000 characters and adds "…"

export const zAgentId = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,100}$/, "letters, digits and . _ : - (at most 100)")
  .describe("This replica's name (e.g. its pod name): a lease is held by the agent's institution and this name.");

const operationRef = { agentId: zAgentId, operationId: z.string().min(1).max(100) };

export const zClaimRequest = z
  .strictObject({
    agentId: zAgentId,
    version: z.string().min(1).max(AGENT_VERSION_MAX).describe("The agent's own version, shown in the console."),
  })
  .meta({ id: "AgentClaimRequest" });

export const zSigned = z
  .object({
    payload: z.string().describe("JSON text; verify the signature over exactly this text before parsing it."),
    signature: z
      .string()
      .describe('base64 Ed25519 signature of "opus-agent-payload:v1:" + payload, by the control plane\'s operation key.'),
  })
  .meta({ id: "SignedPayload" });

export const zClaimResponse = z
  .object({ claim: zSigned.nullable().describe("null: nothing to run now; poll again later.") })
  .meta({ id: "AgentClaimResponse" });

const iso = z.iso.datetime();

/** The operation as the runtime reads it; dates as ISO text. */
export const zWireOperation = z.object({
  id: z.string(),
  kind: z.enum(["UP", "PREVIEW", "REFRESH", "DESTROY"]),
  stackName: z.string(),
  environmentId: z.string(),
  attempt: z.number().int(),
  maxAttempts: z.number().int(),
  error: z.string().nullable(),
  cancelRequestedAt: iso.nullable(),
  previewOperationId: z.string().nullable(),
  traceParent: z.string().nullable(),
  requestId: z.string().nullable(),
  startedAt: iso.nullable(),
  releaseVersion: z.string().nullable(),
});

/** Every signed payload says what it is for, when, for whom, and once (the agent keeps the nonces it saw). */
const signedHeader = { nonce: z.string().min(16), issuedAt: iso, institutionId: z.string() };

export const zClaimPayload = z.object({
  purpose: z.literal("claim"),
  ...signedHeader,
  workerId: z.string(),
  reclaimed: z.boolean(),
  operation: zWireOperation,
});

/** The spec without a single credential: the agent adds the cluster's, the database's and the queue's from its own secret. */
export const AgentSpecSchema = TenantEnvironmentSpecSchema.pick({ tenant: true, environment: true, planSize: true, release: true }).extend({
  mode: z.literal("MANAGED"),
  target: z.strictObject({ cluster: z.string().min(1) }),
});
export type AgentSpec = z.infer<typeof AgentSpecSchema>;

export const zStartPayload = z.object({
  purpose: z.literal("start"),
  ...signedHeader,
  operationId: z.string(),
  result: z.discriminatedUnion("type", [
    z.object({ type: z.literal("run"), spec: AgentSpecSchema }),
    z.object({ type: z.literal("nothing-to-destroy") }),
    /** The rules or the spec refused the run: it fails at once with this message. */
    z.object({ type: z.literal("refused"), message: z.string() }),
  ]),
});

export const zOperationRequest = z.strictObject(operationRef).meta({ id: "AgentOperationRequest" });

export const zReleaseRequest = z.strictObject({ agentId: zAgentId }).meta({ id: "AgentReleaseRequest" });
export const zReleaseResponse = z
  .object({ released: z.number().int().min(0).describe("How many runs this replica still held and handed back.") })
  .meta({ id: "AgentReleaseResponse" });

export const zStartResponse = z.object({ start: zSigned }).meta({ id: "AgentStartResponse" });

export const zLeaseResponse = z
  .object({ state: z.enum(["ok", "cancel"]).describe("cancel: someone asked to cancel; stop the run and report it cancelled.") })
  .meta({ id: "AgentLeaseResponse" });

export const zLogsRequest = z
  .strictObject({ ...operationRef, lines: z.array(z.string().max(MAX_LINE)).min(1).max(500) })
  .meta({ id: "AgentLogsRequest" });

export const zLogsResponse = z.object({ written: z.number().int() }).meta({ id: "AgentLogsResponse" });

export const zWireOutcome = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("succeeded"),
    summary: z.record(z.string(), z.number().int().min(0)),
    outputs: z.record(z.string(), z.unknown()),
    driftDetected: z.boolean().optional(),
  }),
  z.object({ type: z.literal("failed"), error: z.string().max(100_000).describe("The engine's error, verbatim.") }),
  z.object({ type: z.literal("cancelled"), error: z.string().max(100_000).nullable() }),
  z.object({ type: z.literal("retry"), error: z.string().max(100_000), runAfter: iso, countsAsAttempt: z.boolean() }),
  /** Shutting down: another replica takes the run over at once and repairs the stack first. */
  z.object({ type: z.literal("released") }),
]);
export type WireOutcome = z.infer<typeof zWireOutcome>;

export const zFinishRequest = z.strictObject({ ...operationRef, outcome: zWireOutcome }).meta({ id: "AgentFinishRequest" });

export const zFinishResponse = z.object({ recorded: z.literal(true) }).meta({ id: "AgentFinishResponse" });
