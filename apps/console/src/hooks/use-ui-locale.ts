// The language the console is showing now, as the API's locale inputs take it: texts the server
// words (notices) follow the PT/EN switch at once, not the preference saved on the account.
import { useLocale } from "next-intl";
import { isLocale, type Locale } from "@/i18n/locales";

export function useUiLocale(): Locale {
  const current = useLocale();
  return isLocale(current) ? current : "en";
}
