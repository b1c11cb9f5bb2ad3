// The shapes text inputs must have, written once for the API's schemas and the console's fields.
// Each is anchored, so `PATTERN.test(value)` checks the whole value.

/** Plan codes appear in URLs and invoices: lower-case letters, digits and "-". */
export const PLAN_CODE_PATTERN = /^[a-z0-9-]+$/;

/** Phone numbers as people write them: digits, spaces and + ( ) . - (may be empty: optional). */
export const PHONE_PATTERN = /^[+\d\s().-]*$/;

/**
 * A UUID in its RFC 9562 text form (version 1 to 8, variant 10xx), any case: the Open Finance
 * Directory's OrganisationId and AuthorisationServerId.
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * An e-mail address the mail servers we send through accept: an ASCII local part of letters,
 * digits and . _ % + ' - (no leading, trailing or doubled dot), then a domain of letter-or-digit
 * labels (hyphens inside) ending in a top-level domain of at least two letters.
 */
export const EMAIL_PATTERN = /^[A-Za-z0-9_%+'-]+(?:\.[A-Za-z0-9_%+'-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;

/** A cloud account reference as the providers print them (AWS account ids, GCP projects, Azure subscriptions). */
export const ACCOUNT_REF_PATTERN = /^[\w.:-]+$/;

/** A cloud region code such as sa-east-1, southamerica-east1 or brazilsouth. */
export const CLOUD_REGION_PATTERN = /^[a-z0-9-]+$/;

/** A DNS label (RFC 1123): lower-case letters, digits and "-", not at either end. Kubernetes names. */
export const DNS_LABEL_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A host name (letters, digits, "." and "-") or an IP address (IPv4, or IPv6 with or without brackets). */
export const HOST_PATTERN = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$|^\[?[0-9a-fA-F:]+\]?$/;

/** An address range in CIDR notation, IPv4 or IPv6: the NetworkPolicy egress a tenant's pods get. */
export const CIDR_PATTERN = /^[0-9a-fA-F:.]+\/\d{1,3}$/;

/** A TCP port: 1 to 65535. */
export const PORT_RANGE = { min: 1, max: 65_535 } as const;

/**
 * A meter or dimension code: events, prices and reports refer to it, so it stays plain. Lower-case
 * letters, digits and "_", starting with a letter; 2 to 64 characters in all.
 */
export const METER_CODE_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;

/**
 * An exact non-negative decimal as prices and quantities are written in plan prices ("0.0015",
 * "1000000"): no sign, no exponent, no leading zeros, at most 8 decimals.
 */
export const PRICE_DECIMAL_PATTERN = /^(0|[1-9]\d{0,14})(\.\d{1,8})?$/;
