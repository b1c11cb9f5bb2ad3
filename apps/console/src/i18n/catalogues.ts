import en from "../../messages/en.json";
import ptBR from "../../messages/pt-BR.json";
import type { Locale } from "./locales";

export type Catalogue = typeof en;

// Both catalogues must have exactly the same keys: the type check fails when one drifts.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type CataloguesMatch = Assert<SameKeys<Catalogue, typeof ptBR>>;

export const CATALOGUES: Record<Locale, Catalogue> = { en, "pt-BR": ptBR };
