"use client";
import { useTranslations } from "next-intl";
import type { Run } from "./provisioning-types";

/** Who asked for a run: a person (Opus staff marked as such) or the control plane itself. */
export function useRequesterLabel(): (requestedBy: Run["requestedBy"]) => string {
  const t = useTranslations("Provisioning.requester");
  return (requestedBy) => {
    if (!requestedBy) return t("system");
    return requestedBy.staff ? t("staff", { name: requestedBy.name }) : requestedBy.name;
  };
}
