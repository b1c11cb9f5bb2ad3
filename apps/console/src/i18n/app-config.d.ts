import type { Catalogue } from "./catalogues";
import type { formats } from "./formats";
import type { Locale } from "./locales";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Catalogue;
    Formats: typeof formats;
  }
}
