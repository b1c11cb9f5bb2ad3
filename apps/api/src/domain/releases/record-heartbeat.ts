// A heartbeat from an installation, authenticated by its API key: the release and chart it runs,
// its cluster's Kubernetes version, each component's health. For a self-managed installation the
// heartbeat is the only witness of what runs, so it sets the running release; for the environments
// Opus runs, the running release comes only from the operation that deployed it.
import type { Db } from "@opus/db/client";
import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { contactDue } from "../agent-contact/agent-contact.ts";
import type { ApiKeyScope } from "../api-keys/authenticate-api-key.ts";
import type { Clock } from "../domain-context.ts";
import { zReleaseVersion } from "./release-input.ts";
import { kubernetesMinor } from "./versions.ts";

export const zHeartbeat = z
  .strictObject({
    environmentId: z.string().trim().min(1).max(64).optional(),
    release: zReleaseVersion,
    chartVersion: z.string().trim().min(1).max(64),
    kubernetesVersion: z
      .string()
      .trim()
      .max(64)
      .refine((v) => kubernetesMinor(v) !== null, "must be a Kubernetes version such as v1.30.4"),
    components: z
      .array(
        z.strictObject({
          name: z.string().trim().min(1).max(63),
          status: z.enum(["healthy", "degraded", "down"]),
          message: z.string().max(500).optional(),
        }),
      )
      .max(100),
  })
  .meta({ id: "Heartbeat" });
export type Heartbeat = z.infer<typeof zHeartbeat>;

export const zHeartbeatResult = z.object({ environmentId: z.string(), receivedAt: z.string() }).meta({ id: "HeartbeatResult" });

/** `agentVersion`: set when the report-only agent forwarded the heartbeat (null when the installation posted it). */
export async function recordHeartbeat(
  ctx: { db: Db; clock: Clock },
  scope: ApiKeyScope,
  body: Heartbeat,
  agentVersion: string | null = null,
) {
  if (scope.environmentId && body.environmentId && body.environmentId !== scope.environmentId) {
    throw new AppError("FORBIDDEN", "This API key reports for another environment.");
  }
  const environmentId = scope.environmentId ?? body.environmentId;
  if (!environmentId) throw new AppError("BAD_INPUT", "Name the environment (environmentId): this API key is not scoped to one.");
  const env = await ctx.db.environment.findFirst({
    where: { id: environmentId, institutionId: scope.institutionId, status: { not: "DESTROYED" } },
    select: { id: true, institution: { select: { deploymentMode: true } } },
  });
  if (!env) throw new AppError("NOT_FOUND", "Environment not found for this API key.");
  const now = ctx.clock.now();
  const selfManaged = env.institution.deploymentMode === "SELF_MANAGED";
  const { environmentId: _, ...heartbeat } = body;
  await ctx.db.environment.updateMany({
    where: { id: env.id },
    data: {
      lastHeartbeatAt: now,
      heartbeat: { ...heartbeat, receivedAt: now.toISOString() },
      kubernetesVersion: body.kubernetesVersion,
      ...(selfManaged ? { releaseVersion: body.release } : {}),
    },
  });
  // The agent calls only when the installation reports, so each forwarded heartbeat is its contact;
  // written under the same throttle as a managed account's claims.
  if (agentVersion) {
    await ctx.db.environment.updateMany({
      where: { id: env.id, OR: contactDue(now, agentVersion) },
      data: { agentVersion, agentSeenAt: now },
    });
  }
  return { environmentId: env.id, receivedAt: now.toISOString() };
}
