"use client";
import { useTranslations } from "next-intl";
import type { Approval } from "@/lib/router-types";
import { approvalMode } from "./approval-mode";

/** "Suspend", or "Change deployment mode to SaaS". */
export function useApprovalLabel(): (approval: Approval) => string {
  const t = useTranslations();
  return (approval) => {
    const mode = approvalMode(approval);
    return mode ? t("approvals.changeModeTo", { mode: t(`enums.deploymentMode.${mode}`) }) : t(`approvals.actions.${approval.action}`);
  };
}
