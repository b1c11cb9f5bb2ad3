import { z } from "zod";
import { acceptInvitation, getInvitation } from "../../domain/members/accept-invitation.ts";
import { inviteMember } from "../../domain/members/invite-member.ts";
import { listMembers } from "../../domain/members/list-members.ts";
import { changeMemberRole, removeMember, revokeInvitation } from "../../domain/members/update-member.ts";
import { perIpLimit, protectedProcedure, publicProcedure, router } from "../init.ts";
import { zEmail, zId, zInstitutionRole, zInstitutionScope, zName, zPassword, zToken } from "../schemas.ts";

export const membersRouter = router({
  find: protectedProcedure("members.read")
    .input(z.strictObject(zInstitutionScope))
    .query(({ ctx, input }) => listMembers(ctx, input)),
  invite: protectedProcedure("members.manage")
    .input(z.strictObject({ ...zInstitutionScope, email: zEmail, role: zInstitutionRole }))
    .mutation(({ ctx, input }) => inviteMember(ctx, input)),
  updateRole: protectedProcedure("members.manage")
    .input(z.strictObject({ ...zInstitutionScope, membershipId: zId, role: zInstitutionRole }))
    .mutation(({ ctx, input }) => changeMemberRole(ctx, input)),
  remove: protectedProcedure("members.manage")
    .input(z.strictObject({ ...zInstitutionScope, membershipId: zId }))
    .mutation(({ ctx, input }) => removeMember(ctx, input)),
  revokeInvitation: protectedProcedure("members.manage")
    .input(z.strictObject({ ...zInstitutionScope, invitationId: zId }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx, input)),
  // Reachable without a session: the invitation link is the credential.
  getInvitation: publicProcedure.input(z.strictObject({ token: zToken })).query(({ ctx, input }) => getInvitation(ctx, input)),
  acceptInvitation: publicProcedure
    .use(perIpLimit("invitationPerIp", "invitation attempts from this address"))
    .input(z.strictObject({ token: zToken, name: zName.optional(), password: zPassword.optional() }))
    .mutation(({ ctx, input }) => acceptInvitation(ctx, input)),
});
