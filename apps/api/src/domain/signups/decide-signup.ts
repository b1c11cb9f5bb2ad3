// Approving a sign-up creates the person's account, their institution as a draft and their admin
// membership, all at once; rejecting records why.
import { randomUUID } from "node:crypto";
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { newSlug } from "../institutions/new-slug.ts";

export type DecideSignupInput = { signupId: string; decision: "approve" | "reject"; reason?: string | undefined };

export async function decideSignup(ctx: DomainContext, input: DecideSignupInput) {
  if (input.decision === "reject" && !input.reason?.trim()) {
    throw new AppError("BAD_INPUT", "Say why the sign-up is rejected.", { fields: { reason: "required" } });
  }
  return audited(ctx, ctx.db, async (tx) => {
    const request = await tx.signupRequest.findUnique({ where: { id: input.signupId } });
    if (!request) throw new AppError("NOT_FOUND", "Sign-up request not found.");
    if (request.status !== "PENDING") throw new AppError("INVALID_TRANSITION", "This sign-up request was already decided.");
    const now = ctx.clock.now();
    let institutionId: string | null = null;
    if (input.decision === "approve") {
      if (await tx.user.findUnique({ where: { email: request.email }, select: { id: true } })) {
        throw new AppError(
          "CONFLICT",
          "An account with this e-mail was created meanwhile; reject this request and invite the person instead.",
        );
      }
      if (await tx.institution.findUnique({ where: { cnpj: request.cnpj }, select: { id: true } })) {
        throw new AppError("CONFLICT", "This CNPJ was registered meanwhile; reject this request.");
      }
      const userId = randomUUID();
      await tx.user.create({
        data: {
          id: userId,
          email: request.email,
          name: request.name,
          emailVerified: false,
          accounts: { create: { id: randomUUID(), accountId: userId, providerId: "credential", password: request.passwordHash } },
        },
      });
      const institution = await tx.institution.create({
        data: {
          slug: await newSlug(tx, request.legalName),
          legalName: request.legalName,
          cnpj: request.cnpj,
          memberships: { create: { userId, role: "ADMIN" } },
        },
        select: { id: true },
      });
      institutionId = institution.id;
    }
    await tx.signupRequest.update({
      where: { id: request.id },
      data: {
        status: input.decision === "approve" ? "APPROVED" : "REJECTED",
        decidedById: ctx.actor.userId,
        decidedAt: now,
        reason: input.reason ?? null,
        institutionId,
      },
    });
    return {
      result: { id: request.id, status: input.decision === "approve" ? "APPROVED" : "REJECTED", institutionId },
      audit: {
        action: input.decision === "approve" ? "signup.approved" : "signup.rejected",
        institutionId,
        targetType: "signup_request",
        targetId: request.id,
        data: { email: request.email, ...(input.reason ? { reason: input.reason } : {}) },
      },
    };
  });
}
