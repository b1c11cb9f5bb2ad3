// A fleet of tenants for rollout tests and the benchmark: many institutions written in a few
// statements, each with development, homologation and production environments on a release.
import type { Db, Enums } from "@opus/db/client";

let batch = 0;

export type FleetOptions = {
  tenants: number;
  mode?: Enums.DeploymentMode;
  kinds?: Enums.EnvironmentKind[];
  release: string;
  /** Per environment, optional extra columns (windows, freezes, Kubernetes version). */
  extra?: (index: number, kind: Enums.EnvironmentKind) => Record<string, unknown>;
};

export async function createFleet(db: Db, options: FleetOptions) {
  const prefix = `f${++batch}${Date.now().toString(36)}`;
  const plan = await db.plan.findUniqueOrThrow({ where: { code: "growth" } });
  const kinds = options.kinds ?? ["DEVELOPMENT", "HOMOLOGATION", "PRODUCTION"];
  const institutions = Array.from({ length: options.tenants }, (_, i) => ({
    id: `${prefix}-i${String(i).padStart(4, "0")}`,
    slug: `${prefix}-t${String(i).padStart(4, "0")}`,
    legalName: `Fleet tenant ${i} S.A.`,
    deploymentMode: options.mode ?? "SAAS",
    region: "sa-east-1",
    status: "ACTIVE" as const,
    planId: plan.id,
  }));
  await db.institution.createMany({ data: institutions });
  let n = 0;
  const environments = institutions.flatMap((inst) =>
    kinds.map((kind) => ({
      institutionId: inst.id,
      kind,
      status: "ACTIVE" as const,
      stackName: `${inst.slug}-${kind.toLowerCase()}`,
      releaseVersion: options.release,
      ...(options.extra?.(n++, kind) ?? {}),
    })),
  );
  await db.environment.createMany({ data: environments });
  return { prefix, institutionIds: institutions.map((i) => i.id), environments: environments.length };
}
