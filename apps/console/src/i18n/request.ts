import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { CATALOGUES } from "./catalogues";
import { formats, TIME_ZONE } from "./formats";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "./locales";

// No locale in the URL (no i18n routing): the cookie wins, then the browser's languages.
export default getRequestConfig(async () => {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie) ? cookie : localeFromAcceptLanguage((await headers()).get("accept-language"));
  return { locale, messages: CATALOGUES[locale], timeZone: TIME_ZONE, formats };
});
