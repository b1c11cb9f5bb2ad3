// A wave's health gate, judged at every orchestrator step while the wave soaks: each environment it
// upgraded must stay within the regulatory thresholds from its upgrade on (`environmentHealthVerdicts`),
// and by the end of the soak must have reported at all, since a gate cannot pass on silence.
// The verdict says which environment breached which rule; the orchestrator halts the wave on it and,
// when the wave asks for it, rolls the breaching environments back.
import type { Prisma } from "@opus/db/client";
import { environmentHealthVerdicts } from "../regulatory/environment-health-verdict.ts";

export type GateTarget = {
  id: string;
  status: "UPGRADED";
  attempt: number;
  environmentId: string;
  selfManaged: boolean;
  fromReleaseVersion: string | null;
  finishedAt: Date | null;
  label: string;
};

export type GateVerdict =
  | { kind: "pass" }
  | { kind: "hold" }
  | { kind: "halt"; reason: string; breaching: { target: GateTarget; reason: string }[] };

const SHOWN = 3;

function listed(items: string[]): string {
  const shown = items.slice(0, SHOWN).join("; ");
  return items.length > SHOWN ? `${shown}; and ${items.length - SHOWN} more` : shown;
}

export async function judgeHealthGate(
  tx: Prisma.TransactionClient,
  wave: { id: string; name: string },
  now: Date,
  soakOver: boolean,
): Promise<GateVerdict> {
  const rows = await tx.rolloutTarget.findMany({
    where: { waveId: wave.id, status: "UPGRADED" },
    orderBy: { position: "asc" },
    select: {
      id: true,
      attempt: true,
      environmentId: true,
      selfManaged: true,
      fromReleaseVersion: true,
      finishedAt: true,
      environment: { select: { kind: true, institution: { select: { slug: true } } } },
    },
  });
  const targets: GateTarget[] = rows.map(({ environment, ...t }) => ({
    ...t,
    status: "UPGRADED",
    label: `${environment.institution.slug} (${environment.kind.toLowerCase()})`,
  }));
  const verdicts = await environmentHealthVerdicts(
    tx,
    now,
    targets.map((t) => ({ environmentId: t.environmentId, since: t.finishedAt ?? now })),
  );
  const breaching = targets.flatMap((target, i) => {
    const breaches = verdicts[i]?.breaches ?? [];
    if (breaches.length === 0) return [];
    const rules = breaches.map((b) => `${b.rule} on ${b.endpoint} (${b.day})`).join(", ");
    return [{ target, reason: `health gate: breached ${rules} since its upgrade` }];
  });
  if (breaching.length > 0) {
    const who = listed(breaching.map((b) => `${b.target.label} ${b.reason.replace("health gate: ", "")}`));
    return { kind: "halt", breaching, reason: `Wave "${wave.name}" halted by its health gate: ${who}.` };
  }
  if (!soakOver) return { kind: "hold" };
  const silent = targets.filter((_, i) => !verdicts[i]?.reportedSince);
  if (silent.length > 0) {
    const who = listed(silent.map((t) => t.label));
    return {
      kind: "halt",
      breaching: [],
      reason: `Wave "${wave.name}" halted by its health gate: no health reported since the upgrade by ${who}.`,
    };
  }
  return { kind: "pass" };
}
