"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { RouterOutputs } from "@/lib/router-types";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { inputClass } from "../ui/styles";

type Invitation = RouterOutputs["members"]["invite"];

/**
 * What happened to an invitation. Where e-mail is delivered the API returns no link (only the
 * invited person gets it); without an e-mail server it returns the link for the inviter to share.
 */
export function InvitationLinkPanel({ invitation, onDismiss }: { invitation: Invitation; onDismiss: () => void }) {
  const t = useTranslations("members.invite");
  const format = useFormatter();
  const expires = format.dateTime(invitation.expiresAt, "dateTime");
  const link = invitation.link;
  return (
    <div role="status" className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
      <p className="font-medium">{t("sent", { email: invitation.email })}</p>
      <p className="mt-0.5 text-emerald-800">
        {link !== null ? t("sentHelpOutbox", { expires }) : invitation.emailed ? t("sentHelp", { expires }) : t("mailFailed")}
      </p>
      <div className="mt-2 flex gap-2">
        {link !== null ? (
          <>
            <input
              readOnly
              aria-label={t("link")}
              value={link}
              onFocus={(e) => e.currentTarget.select()}
              className={`${inputClass} font-mono text-xs`}
              data-testid="invitation-link"
            />
            <CopyButton value={link} label={t("copyLink")} />
          </>
        ) : null}
        <Button variant="ghost" onClick={onDismiss}>
          {t("dismiss")}
        </Button>
      </div>
    </div>
  );
}
