import { describe, expect, it } from "vitest";
import {
  ACCOUNT_REF_PATTERN,
  CIDR_PATTERN,
  CLOUD_REGION_PATTERN,
  DNS_LABEL_PATTERN,
  EMAIL_PATTERN,
  HOST_PATTERN,
  METER_CODE_PATTERN,
  PHONE_PATTERN,
  PLAN_CODE_PATTERN,
  PRICE_DECIMAL_PATTERN,
  UUID_PATTERN,
} from "../src/text-patterns.ts";

const CASES: [string, RegExp, string[], string[]][] = [
  [
    "meter code",
    METER_CODE_PATTERN,
    ["api_calls", "p2", `a${"b".repeat(63)}`],
    ["a", "2fa", "Api", "api-calls", "api calls", `a${"b".repeat(64)}`],
  ],
  [
    "price decimal",
    PRICE_DECIMAL_PATTERN,
    ["0", "0.0015", "1000000", "25.5", "0.00000001"],
    ["", "-1", "01", "1.", ".5", "1e3", "0.000000001", "1,5", " 1"],
  ],
  ["plan code", PLAN_CODE_PATTERN, ["starter", "pro-2026", "a1"], ["Starter", "pro_2026", "pro 2026", "", "plano-ç"]],
  ["phone", PHONE_PATTERN, ["", "+55 (11) 3000-0000", "11.3000.0000"], ["call me", "+55 11 3000#0000", "0800-OPUS"]],
  [
    "UUID",
    UUID_PATTERN,
    ["5f8e7d6c-1b2a-4c3d-8e9f-0a1b2c3d4e5f", "5F8E7D6C-1B2A-4C3D-AE9F-0A1B2C3D4E5F", "018f3a2b-7c4d-7e5f-9a0b-1c2d3e4f5a6b"],
    [
      "5f8e7d6c1b2a4c3d8e9f0a1b2c3d4e5f", // no hyphens
      "5f8e7d6c-1b2a-0c3d-8e9f-0a1b2c3d4e5f", // version 0
      "5f8e7d6c-1b2a-4c3d-7e9f-0a1b2c3d4e5f", // variant 0xxx
      "5f8e7d6c-1b2a-4c3d-8e9f-0a1b2c3d4e5", // one digit short
      "g f8e7d6c-1b2a-4c3d-8e9f-0a1b2c3d4e5f",
      " 5f8e7d6c-1b2a-4c3d-8e9f-0a1b2c3d4e5f",
    ],
  ],
  [
    "e-mail",
    EMAIL_PATTERN,
    ["ana@aurora.example", "ana.souza+finance@banco-aurora.com.br", "o'neil@x.io", "A_B%c@SUB.Example.ORG"],
    [
      "ana",
      "ana@",
      "@aurora.example",
      "ana@aurora",
      "ana@aurora.c",
      ".ana@aurora.example",
      "ana.@aurora.example",
      "an..a@aurora.example",
      "ana@-aurora.example",
      "ana souza@aurora.example",
      "ana@aurora.example.",
      "ána@aurora.example",
    ],
  ],
  ["account reference", ACCOUNT_REF_PATTERN, ["123456789012", "my-project.prod", "sub:1234_ab"], ["", "my project", "a/b", "a@b"]],
  ["cloud region", CLOUD_REGION_PATTERN, ["sa-east-1", "southamerica-east1", "brazilsouth"], ["SA-EAST-1", "sa east 1", "sa_east_1", ""]],
  ["DNS label", DNS_LABEL_PATTERN, ["a", "kong", "opus-prod-1"], ["", "-kong", "kong-", "Kong", "kong.gw", "kong_gw"]],
  [
    "host",
    HOST_PATTERN,
    ["db.aurora.internal", "10.20.0.5", "localhost", "[2001:db8::1]", "2001:db8::1"],
    ["", "-db.aurora", "db.aurora.", "db aurora", "db_aurora", "https://db.aurora"],
  ],
  ["CIDR", CIDR_PATTERN, ["10.20.0.0/24", "10.0.0.0/8", "2001:db8::/32"], ["10.20.0.0", "10.20.0.0/", "10.20.0.0/1234", "ten/8", ""]],
];

describe.each(CASES)("the %s pattern", (_name, pattern, accepted, refused) => {
  it.each(accepted)("accepts %j", (value) => {
    expect(pattern.test(value)).toBe(true);
  });
  it.each(refused)("refuses %j", (value) => {
    expect(pattern.test(value)).toBe(false);
  });
});
