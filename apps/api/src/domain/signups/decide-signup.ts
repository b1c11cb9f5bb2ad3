// Approving a sign-up creates the person's account, their institution as a draft and their admin
// membership, all at once; rejecting records why. The decision is a compare-and-set on the pending
// request, and a race with another approval for the same e-mail or CNPJ is a CONFLICT that names it.
import { randomUUID } from "node:crypto";
import { AppError } from "../../errors/app-error.ts";
import { onUniqueViolation } from "../../errors/database-errors.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";
import { newSlug } from "../institutions/new-slug.ts";

const ACCOUNT_EXISTS = "An account with this e-mail was created meanwhile; reject this request and invite the person instead.";
const CNPJ_EXISTS = "This CNPJ was registered meanwhile; reject this request.";

export type DecideSignupInput = { signupId: string; decision: "approve" | "reject"; reason?: string | undefined };

export async function decideSignup(ctx: DomainContext, input: DecideSignupInput) {
  if (input.decision === "reject" && !input.reason?.trim()) {
    throw new AppError("BAD_INPUT", "Say why the sign-up is rejected.", { fields: { reason: "required" } });
  }
  return ctx.db.$transaction(async (tx) => {
    const request = await tx.signupRequest.findUnique({ where: { id: input.signupId } });
    if (!request) throw new AppError("NOT_FOUND", "Sign-up request not found.");
    if (request.status !== "PENDING") throw new AppError("INVALID_TRANSITION", "This sign-up request was already decided.");
    const now = ctx.clock.now();
    const claimed = await tx.signupRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: {
        status: input.decision === "approve" ? "APPROVED" : "REJECTED",
        decidedById: ctx.actor.userId,
        decidedAt: now,
        reason: input.reason ?? null,
      },
    });
    if (claimed.count !== 1)
      throw new AppError("CONFLICT", "Someone else decided this sign-up request at the same moment. Reload the list.");
    let institutionId: string | null = null;
    if (input.decision === "approve") {
      if (await tx.user.findUnique({ where: { email: request.email }, select: { id: true } })) {
        throw new AppError("CONFLICT", ACCOUNT_EXISTS);
      }
      if (await tx.institution.findUnique({ where: { cnpj: request.cnpj }, select: { id: true } })) {
        throw new AppError("CONFLICT", CNPJ_EXISTS);
      }
      const userId = randomUUID();
      // The checks above cannot see a concurrent approval of another request for the same address
      // or CNPJ; the unique constraints can, and the loser is told which one.
      await onUniqueViolation(
        tx.user.create({
          data: {
            id: userId,
            email: request.email,
            name: request.name,
            emailVerified: false,
            accounts: { create: { id: randomUUID(), accountId: userId, providerId: "credential", password: request.passwordHash } },
          },
        }),
        { user_email_key: ACCOUNT_EXISTS },
      );
      const institution = await onUniqueViolation(
        tx.institution.create({
          data: {
            slug: await newSlug(tx, request.legalName),
            legalName: request.legalName,
            cnpj: request.cnpj,
            memberships: { create: { userId, role: "ADMIN" } },
          },
          select: { id: true },
        }),
        {
          institution_cnpj_key: CNPJ_EXISTS,
          institution_slug_key: "Another institution with this name was created at the same moment. Try again.",
        },
      );
      institutionId = institution.id;
      await tx.signupRequest.update({ where: { id: request.id }, data: { institutionId } });
    }
    await tx.auditEvent.create({
      data: auditEntry(ctx, {
        action: input.decision === "approve" ? "signup.approved" : "signup.rejected",
        institutionId,
        targetType: "signup_request",
        targetId: request.id,
        data: { email: request.email, ...(input.reason ? { reason: input.reason } : {}) },
      }),
    });
    return { id: request.id, status: input.decision === "approve" ? "APPROVED" : "REJECTED", institutionId };
  });
}
