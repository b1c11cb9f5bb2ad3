// Evidence as an uploaded file: a PDF, PNG or JPEG (its type read from its first bytes, not from
// the upload's claim), or plain text/CSV; at most EVIDENCE_MAX_BYTES (@opus/rules/go-live-evidence),
// for which the upload procedure has its own request limit (create-server.ts). Stored with its SHA-256 in the institution's own records and
// downloaded only through its scope.
import { createHash } from "node:crypto";
import { EVIDENCE_MAX_BYTES, evidenceSizeText } from "@opus/rules/go-live-evidence";
import type { GoLiveStage } from "@opus/rules/go-live-readiness";
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { ExportFile } from "../billing/export-files.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
import { stageRecordOf } from "./add-go-live-evidence.ts";

const SIGNATURES: { type: string; magic: number[] }[] = [
  { type: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
];

/** What the bytes are, or null when they are none of the accepted kinds. */
export function evidenceType(bytes: Buffer, fileName: string): string | null {
  const signed = SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b));
  if (signed) return signed.type;
  // Text: valid UTF-8 without NUL or other control bytes (tabs and line breaks allowed).
  const control = bytes.some((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d);
  if (!control && Buffer.from(bytes.toString("utf8"), "utf8").equals(bytes)) {
    return /\.csv$/i.test(fileName) ? "text/csv" : "text/plain";
  }
  return null;
}

export async function addGoLiveEvidenceFile(
  ctx: DomainContext,
  input: { institutionId: string; stage: GoLiveStage; label: string; fileName: string; base64: string },
) {
  const bytes = Buffer.from(input.base64, "base64");
  if (bytes.length === 0 || bytes.toString("base64") !== input.base64.replace(/\s/g, "")) {
    throw new AppError("BAD_INPUT", "base64: the file is not valid base64 or is empty.", { fields: { base64: "is not a file" } });
  }
  if (bytes.length > EVIDENCE_MAX_BYTES) {
    throw new AppError(
      "BAD_INPUT",
      `base64: the file is ${evidenceSizeText(bytes.length)}; evidence files are at most ${evidenceSizeText(EVIDENCE_MAX_BYTES)}.`,
      {
        fields: { base64: "too large" },
      },
    );
  }
  const contentType = evidenceType(bytes, input.fileName);
  if (!contentType) {
    throw new AppError("BAD_INPUT", "base64: evidence files are PDF, PNG, JPEG, plain text or CSV; this file is none of them.", {
      fields: { base64: "unsupported type" },
    });
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return audited(ctx, scopedDb(ctx, input.institutionId), async (tx) => {
    const stage = await stageRecordOf(tx, input.institutionId, input.stage);
    const evidence = await tx.goLiveEvidence.create({
      data: {
        institutionId: input.institutionId,
        stageId: stage.id,
        label: input.label,
        fileName: input.fileName,
        contentType,
        sizeBytes: bytes.length,
        sha256,
        content: bytes,
        addedById: ctx.actor.userId,
      },
      select: { id: true, label: true, fileName: true, contentType: true, sizeBytes: true, addedAt: true },
    });
    return {
      result: evidence,
      audit: {
        action: "go_live.evidence_added",
        institutionId: input.institutionId,
        targetType: "go_live_evidence",
        targetId: evidence.id,
        data: { stage: input.stage, label: input.label, file: input.fileName, contentType, sha256 },
      },
    };
  });
}

export async function downloadGoLiveEvidence(
  ctx: DomainContext,
  input: { institutionId: string; evidenceId: string },
): Promise<ExportFile> {
  const evidence = await scopedDb(ctx, input.institutionId).goLiveEvidence.findFirst({
    where: { id: input.evidenceId },
    select: { fileName: true, contentType: true, content: true },
  });
  if (!evidence?.content || !evidence.fileName || !evidence.contentType) throw new AppError("NOT_FOUND", "No such evidence file.");
  return { filename: evidence.fileName, contentType: evidence.contentType, base64: Buffer.from(evidence.content).toString("base64") };
}
