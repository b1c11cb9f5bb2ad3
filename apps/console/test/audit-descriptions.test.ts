// Every audit action the API may write has a sentence in both languages, with the same
// placeholders in each, so the trail never shows "Other action" and raw JSON for a known action.
import { AUDIT_ACTIONS } from "@opus/rules/audit-actions";
import { describe, expect, it } from "vitest";
import en from "../messages/en.json";
import ptBR from "../messages/pt-BR.json";

const CATALOGUES = { en, "pt-BR": ptBR } as const;

function sentence(catalogue: unknown, action: string): string | undefined {
  let node: unknown = (catalogue as { audit: { actions: unknown } }).audit.actions;
  for (const part of action.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === "string" ? node : undefined;
}

/** Top-level ICU arguments ("{email}", "{newAccount, select, …}"), not the words inside a select's branches. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    if (message[i] === "{") {
      const name = /^\{\s*([A-Za-z]\w*)/.exec(message.slice(i))?.[1];
      if (name && depth === 0) names.add(name);
      depth++;
    } else if (message[i] === "}") depth--;
  }
  return [...names].sort();
}

describe("audit action descriptions", () => {
  for (const action of AUDIT_ACTIONS) {
    it(`${action} is described in English and Portuguese alike`, () => {
      const english = sentence(CATALOGUES.en, action);
      const portuguese = sentence(CATALOGUES["pt-BR"], action);
      expect(english, `en: audit.actions.${action}`).toBeTruthy();
      expect(portuguese, `pt-BR: audit.actions.${action}`).toBeTruthy();
      expect(placeholders(portuguese ?? "")).toEqual(placeholders(english ?? ""));
    });
  }
});
