"use client";
import { useTranslations } from "next-intl";
import type { InstitutionDetail } from "@/lib/router-types";
import { Card } from "../ui/card";

export function ContactsCard({ contacts }: { contacts: InstitutionDetail["contacts"] }) {
  const t = useTranslations();
  return (
    <Card title={t("institution.contacts.title")}>
      {contacts.length === 0 ? (
        <p className="text-sm text-slate-500">{t("institution.contacts.none")}</p>
      ) : (
        <ul className="space-y-3 text-sm">
          {contacts.map((contact) => (
            <li key={`${contact.kind}-${contact.email}`}>
              <p className="text-xs font-medium text-slate-500 uppercase">{t(`enums.contactKind.${contact.kind}`)}</p>
              <p className="font-medium text-slate-900">{contact.name}</p>
              <p className="text-slate-600">
                <a href={`mailto:${contact.email}`} className="hover:underline">
                  {contact.email}
                </a>
                {contact.phone ? ` · ${contact.phone}` : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
