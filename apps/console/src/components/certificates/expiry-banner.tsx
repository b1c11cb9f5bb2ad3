"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";

/** On an institution's overview: certificates that expired or expire within 30 days (the list is soonest first). */
export function ExpiryBanner({ institutionId }: { institutionId: string }) {
  const t = useTranslations("certificates.banner");
  const format = useFormatter();
  const trpc = useTRPC();
  const certificates = useQuery(trpc.certificates.find.queryOptions({ institutionId }));
  const expiring = (certificates.data ?? []).filter((c) => c.warning !== null);
  const first = expiring[0];
  if (!first) return null;
  const urgent = expiring.some((c) => c.warning !== "30-days");
  return (
    <Alert tone={urgent ? "error" : "warning"}>
      <p className="font-medium">
        {first.warning === "expired"
          ? t("expired", { kind: first.kind, date: format.dateTime(first.notAfter, "date") })
          : t(first.warning === "7-days" ? "within7" : "within30", { kind: first.kind, date: format.dateTime(first.notAfter, "date") })}
      </p>
      <p className="mt-0.5">
        {t("more", { count: expiring.length - 1 })}{" "}
        <Link href={`/institutions/${institutionId}/certificates`} className="font-medium underline">
          {t("open")}
        </Link>
      </p>
    </Alert>
  );
}
