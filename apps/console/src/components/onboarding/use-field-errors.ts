"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { FieldErrors } from "./field-errors";

/**
 * Client-side checks shown as soon as a field is left (or after a first attempt to continue), and
 * the API's verdict on the last save, which stays on a field until the person changes it.
 */
export function useFieldErrors(clientErrors: FieldErrors) {
  const t = useTranslations("onboarding.errors");
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<FieldErrors>({});

  function key(field: string) {
    return (attempted || touched.has(field) ? clientErrors[field] : undefined) ?? server[field];
  }

  return {
    message(field: string): string | null {
      const found = key(field);
      return found ? t(found) : null;
    },
    /** On blur, or on change for checkboxes and choices. */
    touch(field: string) {
      setTouched((all) => (all.has(field) ? all : new Set(all).add(field)));
      setServer(({ [field]: _cleared, ...rest }) => rest);
    },
    /** Before saving: shows every client problem; true when there is none. */
    attempt(): boolean {
      setAttempted(true);
      setServer({});
      return Object.keys(clientErrors).length === 0;
    },
    setServerErrors: setServer,
  };
}
