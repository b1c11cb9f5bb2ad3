import type { SignupStatus } from "@opus/rules/enums";
import type { DomainContext } from "../domain-context.ts";

export async function listSignups(ctx: DomainContext, input: { status: SignupStatus }) {
  return ctx.db.signupRequest.findMany({
    where: { status: input.status },
    orderBy: { createdAt: input.status === "PENDING" ? "asc" : "desc" },
    take: 200,
    // Never the password hash.
    select: {
      id: true,
      name: true,
      email: true,
      legalName: true,
      cnpj: true,
      status: true,
      reason: true,
      createdAt: true,
      decidedAt: true,
      institutionId: true,
    },
  });
}
