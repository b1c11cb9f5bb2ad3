import en from "../../messages/en.json";
import notificationsEn from "../../messages/notifications.en.json";
import notificationsPtBR from "../../messages/notifications.pt-BR.json";
import pricingEn from "../../messages/pricing.en.json";
import pricingPtBR from "../../messages/pricing.pt-BR.json";
import provisioningEn from "../../messages/provisioning.en.json";
import provisioningPtBR from "../../messages/provisioning.pt-BR.json";
import ptBR from "../../messages/pt-BR.json";
import usageEn from "../../messages/usage.en.json";
import usagePtBR from "../../messages/usage.pt-BR.json";
import type { Locale } from "./locales";

// The catalogue is split by area (one file per area and language) so areas can change independently.
export type Catalogue = typeof en & typeof provisioningEn & typeof usageEn & typeof pricingEn & typeof notificationsEn;

// Both languages must have exactly the same keys: the type check fails when one drifts.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type CataloguesMatch = Assert<SameKeys<typeof en, typeof ptBR>>;
export type ProvisioningCataloguesMatch = Assert<SameKeys<typeof provisioningEn, typeof provisioningPtBR>>;
export type UsageCataloguesMatch = Assert<SameKeys<typeof usageEn, typeof usagePtBR>>;
export type PricingCataloguesMatch = Assert<SameKeys<typeof pricingEn, typeof pricingPtBR>>;
export type NotificationsCataloguesMatch = Assert<SameKeys<typeof notificationsEn, typeof notificationsPtBR>>;

export const CATALOGUES: Record<Locale, Catalogue> = {
  en: { ...en, ...provisioningEn, ...usageEn, ...pricingEn, ...notificationsEn },
  "pt-BR": { ...ptBR, ...provisioningPtBR, ...usagePtBR, ...pricingPtBR, ...notificationsPtBR },
};
