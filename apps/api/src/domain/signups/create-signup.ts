// Self sign-up: a customer asks to join. Nothing is created but the request (password already
// hashed) until an Opus operator approves it.
import { hashPassword } from "better-auth/crypto";
import { AppError } from "../../errors/app-error.ts";
import { onUniqueViolation } from "../../errors/database-errors.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { PublicDomainContext } from "../domain-context.ts";

const PENDING = { message: "A sign-up request for this e-mail is already waiting for Opus.", fields: { email: "request pending" } };

export type CreateSignupInput = { name: string; email: string; password: string; legalName: string; cnpj: string };

export async function createSignup(ctx: PublicDomainContext, input: CreateSignupInput) {
  const [account, pending, registered] = await Promise.all([
    ctx.db.user.findUnique({ where: { email: input.email }, select: { id: true } }),
    ctx.db.signupRequest.findFirst({ where: { email: input.email, status: "PENDING" }, select: { id: true } }),
    ctx.db.institution.findUnique({ where: { cnpj: input.cnpj }, select: { id: true } }),
  ]);
  if (account)
    throw new AppError("CONFLICT", "An account with this e-mail already exists. Sign in instead.", {
      fields: { email: "already registered" },
    });
  if (pending) throw new AppError("CONFLICT", PENDING.message, { fields: PENDING.fields });
  if (registered) {
    throw new AppError("CONFLICT", "This CNPJ is already registered. Ask your institution's admin to invite you.", {
      fields: { cnpj: "already registered" },
    });
  }
  const passwordHash = await hashPassword(input.password);
  // The check above cannot see a twin request sent at the same moment; the partial unique index
  // (one pending request per e-mail) can.
  const request = await onUniqueViolation(
    ctx.db.signupRequest.create({
      data: { name: input.name, email: input.email, passwordHash, legalName: input.legalName, cnpj: input.cnpj },
      select: { id: true, email: true, status: true },
    }),
    { signup_request_pending_email_key: PENDING },
  );
  await ctx.db.auditEvent.create({
    data: auditEntry(ctx, {
      action: "signup.requested",
      targetType: "signup_request",
      targetId: request.id,
      data: { email: input.email, legalName: input.legalName },
    }),
  });
  return request;
}
