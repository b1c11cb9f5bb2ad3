"use client";
import { useTranslations } from "next-intl";

type AuthError = { code?: string | undefined; status: number };

/** better-auth's error codes, in the person's language. */
export function useAuthErrorMessage(): (error: AuthError) => string {
  const t = useTranslations("auth.errors");
  return (error) => {
    switch (error.code) {
      case "INVALID_EMAIL_OR_PASSWORD":
      case "INVALID_EMAIL":
        return t("invalidCredentials");
      case "INVALID_PASSWORD":
        return t("invalidPassword");
      case "INVALID_CODE":
        return t("invalidCode");
      case "INVALID_BACKUP_CODE":
        return t("invalidBackupCode");
      case "INVALID_TWO_FACTOR_COOKIE":
        return t("twoFactorExpired");
      case "ACCOUNT_TEMPORARILY_LOCKED":
      case "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE":
        return t("locked");
      default:
        return error.status === 429 ? t("rateLimited") : t("generic");
    }
  };
}
