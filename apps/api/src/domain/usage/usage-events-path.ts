/** Where tenants' platforms send usage: the REST route and the install bundles both read it here. */
export const USAGE_EVENTS_PATH = "/api/v1/usage/events";
