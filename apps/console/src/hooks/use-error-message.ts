"use client";
import { useTranslations } from "next-intl";
import { type AppErrorCode, appErrorCode } from "@/lib/app-error";

type Overrides = Partial<Record<AppErrorCode, string>>;

/** Turns an API error into a sentence in the person's language; screens may word some codes for their context. */
export function useErrorMessage(): (error: unknown, overrides?: Overrides) => string {
  const t = useTranslations("errors");
  return (error, overrides = {}) => {
    const code = appErrorCode(error);
    return overrides[code] ?? t(code);
  };
}
