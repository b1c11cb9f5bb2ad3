"use client";
import { useTranslations } from "next-intl";
import type { AuditEvent } from "@/lib/router-types";

function field(data: AuditEvent["data"], key: string): string {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return "";
  const value = (data as Record<string, unknown>)[key];
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}

/**
 * One sentence per known action, in the reader's language. Actions this console does not know yet
 * (added by newer API versions) fall back to their details; the raw action code is shown beside.
 */
export function useAuditDescription(): (event: AuditEvent) => string {
  const t = useTranslations();
  const role = (value: string) => (value === "ADMIN" || value === "VIEWER" ? t(`enums.institutionRole.${value}`) : value);
  return (event) => {
    const get = (key: string) => field(event.data, key);
    switch (event.action) {
      case "system.seeded":
        return t("audit.actions.systemSeeded");
      case "member.invited":
        return t("audit.actions.memberInvited", { email: get("email"), role: role(get("role")) });
      case "member.joined":
        return t(get("newAccount") === "true" ? "audit.actions.memberJoinedNew" : "audit.actions.memberJoined", {
          email: get("email"),
          role: role(get("role")),
        });
      case "member.role_changed":
        return t("audit.actions.memberRoleChanged", { email: get("email"), from: role(get("from")), to: role(get("to")) });
      case "member.removed":
        return t("audit.actions.memberRemoved", { email: get("email") });
      case "member.invitation_revoked":
        return t("audit.actions.invitationRevoked", { email: get("email") });
      case "user.locale_changed":
        return t("audit.actions.localeChanged", { locale: get("locale") });
      default: {
        const details =
          typeof event.data === "object" && event.data !== null && !Array.isArray(event.data)
            ? Object.keys(event.data)
                .map((k) => `${k}: ${get(k)}`)
                .join(", ")
            : "";
        return details ? t("audit.actions.otherWithDetails", { details }) : t("audit.actions.other");
      }
    }
  };
}
