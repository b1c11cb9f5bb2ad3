"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { authClient } from "@/lib/auth-client";
import { Button } from "../ui/button";
import type { ButtonVariant } from "../ui/styles";

export function SignOutButton({ variant = "secondary", redirectTo = "/sign-in" }: { variant?: ButtonVariant; redirectTo?: string }) {
  const t = useTranslations("shell");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  async function signOut() {
    setPending(true);
    await authClient.signOut().catch(() => undefined);
    // Nothing of the previous person may stay in the cache for the next one.
    queryClient.clear();
    router.replace(redirectTo);
  }
  return (
    <Button variant={variant} pending={pending} onClick={() => void signOut()}>
      {t("signOut")}
    </Button>
  );
}
