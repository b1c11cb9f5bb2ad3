import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { parseInstitutionQuery } from "@/components/institutions/institution-query";
import { InstitutionsList } from "@/components/institutions/institutions-list";
import { Prefetched } from "@/lib/prefetched";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("institutions");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The first page of the list (the one the URL asks for) is rendered on the server, rows included. */
export default async function InstitutionsPage({ searchParams }: Props) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  const query = parseInstitutionQuery(params);
  return (
    // me.get again: the layout's request for it is shared (same key), and batched with the list's.
    <Prefetched
      queries={(trpc) => [trpc.me.get.queryOptions(), trpc.institutions.find.queryOptions(query), trpc.plans.find.queryOptions()]}
    >
      <Suspense>
        <InstitutionsList />
      </Suspense>
    </Prefetched>
  );
}
