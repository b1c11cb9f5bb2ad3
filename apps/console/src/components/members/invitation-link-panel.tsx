"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { RouterOutputs } from "@/lib/router-types";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { inputClass } from "../ui/styles";

type Invitation = RouterOutputs["members"]["invite"];

/** The link is also e-mailed; showing it lets the inviter pass it on through another channel. */
export function InvitationLinkPanel({ invitation, onDismiss }: { invitation: Invitation; onDismiss: () => void }) {
  const t = useTranslations("members.invite");
  const format = useFormatter();
  return (
    <div role="status" className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
      <p className="font-medium">{t("sent", { email: invitation.email })}</p>
      <p className="mt-0.5 text-emerald-800">{t("sentHelp", { expires: format.dateTime(invitation.expiresAt, "dateTime") })}</p>
      <div className="mt-2 flex gap-2">
        <input
          readOnly
          aria-label={t("link")}
          value={invitation.link}
          onFocus={(e) => e.currentTarget.select()}
          className={`${inputClass} font-mono text-xs`}
          data-testid="invitation-link"
        />
        <CopyButton value={invitation.link} label={t("copyLink")} />
        <Button variant="ghost" onClick={onDismiss}>
          {t("dismiss")}
        </Button>
      </div>
    </div>
  );
}
