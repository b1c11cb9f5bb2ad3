"use client";
import { useTranslations } from "next-intl";
import type { InstitutionDetail } from "@/lib/router-types";
import { DetailList } from "../ui/detail-list";

export function ReviewContacts({ institution }: { institution: InstitutionDetail }) {
  const t = useTranslations();
  return (
    <DetailList
      items={institution.contacts.map((c) => ({
        label: t(`enums.contactKind.${c.kind}`),
        value: [c.name, c.email, c.phone].filter(Boolean).join(" · "),
      }))}
    />
  );
}
