// An institution's roadmap as the console shows it and the gates read it: stored stages, with the
// derived ones (environments active, certificates valid) computed from what the control plane sees.
import type { Prisma } from "@opus/db/client";
import {
  derivedStageState,
  GO_LIVE_STAGES,
  type GoLiveGate,
  type GoLiveStage,
  type GoLiveStageState,
  isDerivedStage,
  openStagesFor,
  stageApplies,
} from "@opus/rules/go-live-readiness";
import { AppError } from "../../errors/app-error.ts";

type Reader = Pick<Prisma.TransactionClient, "goLivePlan" | "environment" | "certificate">;

export async function loadReadiness(db: Reader, institutionId: string, now: Date) {
  const plan = await db.goLivePlan.findUnique({
    where: { institutionId },
    include: {
      stages: {
        include: {
          // A file's bytes stay in the database until someone downloads it.
          evidence: {
            orderBy: { addedAt: "asc" },
            select: { id: true, label: true, url: true, fileName: true, contentType: true, sizeBytes: true, addedAt: true },
          },
        },
      },
    },
  });
  if (!plan) return null;
  const [environments, certificates] = await Promise.all([
    db.environment.findMany({ where: { institutionId }, select: { kind: true, status: true } }),
    db.certificate.findMany({ where: { institutionId }, select: { kind: true, notAfter: true } }),
  ]);
  const facts = { environments, certificates, now };
  const byStage = new Map(plan.stages.map((s) => [s.stage, s]));
  const states = {} as Record<GoLiveStage, GoLiveStageState>;
  const stages = GO_LIVE_STAGES.map((stage) => {
    const row = byStage.get(stage);
    const derived = isDerivedStage(stage);
    const state = derived ? derivedStageState(stage, facts) : (row?.state ?? "NOT_STARTED");
    states[stage] = state;
    return {
      stage,
      state,
      derived,
      applies: stageApplies(stage, plan),
      ownerName: row?.ownerName ?? null,
      dueOn: row?.dueOn ? row.dueOn.toISOString().slice(0, 10) : null,
      startedAt: row?.startedAt ?? null,
      completedAt: row?.completedAt ?? null,
      evidence: (row?.evidence ?? []).map((e) => ({
        id: e.id,
        label: e.label,
        url: e.url,
        file: e.fileName ? { name: e.fileName, contentType: e.contentType, sizeBytes: e.sizeBytes } : null,
        addedAt: e.addedAt,
      })),
    };
  });
  const open = (gate: GoLiveGate) => openStagesFor(gate, states, plan);
  return {
    plan: {
      id: plan.id,
      deliveryManagerId: plan.deliveryManagerId,
      migrationRequired: plan.migrationRequired,
      goLiveAt: plan.goLiveAt,
      overrideReason: plan.overrideReason,
    },
    stages,
    missing: { productionDeploy: open("PRODUCTION_DEPLOY"), goLive: open("GO_LIVE") },
  };
}

const STAGE_NAMES: Record<GoLiveStage, string> = {
  ENVIRONMENTS: "environments set up",
  OPENID_CERTIFICATION: "OpenID certification of homologation",
  CONSENT_SCREENS: "consent-journey screens",
  INTEGRATION_LAYER: "integration layer",
  MIGRATION: "migration from the previous solution",
  FINAL_TESTS_DIRECTORY: "final tests and production directory set-up",
  DIRECTORY_CERTIFICATES: "certificates registered in the Directory",
  GO_LIVE: "go-live",
};

/** The refusal of a gate, naming every stage still open. */
export function gateRefusal(what: string, missing: GoLiveStage[]): AppError {
  return new AppError("PRECONDITION_FAILED", `${what} waits for: ${missing.map((s) => STAGE_NAMES[s]).join("; ")}.`, {
    fields: { missing: missing.join(",") },
  });
}

/** Throws while a go-live plan holds the production deploy of this institution. */
export async function assertProductionDeployAllowed(db: Reader, institutionId: string, now: Date) {
  const readiness = await loadReadiness(db, institutionId, now);
  if (readiness && !readiness.plan.goLiveAt && readiness.missing.productionDeploy.length > 0) {
    throw gateRefusal("Deploying production", readiness.missing.productionDeploy);
  }
}
