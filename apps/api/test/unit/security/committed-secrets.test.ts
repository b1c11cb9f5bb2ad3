// Static check in the test command: no private key, cloud or service token, or password in a
// configuration file is committed outside test fixtures. Reads the tracked tree (git ls-files).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../../../..");

const SECRET_PATTERNS: [string, RegExp][] = [
  ["a private key", /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----\s*[A-Za-z0-9+/=\r\n]{64,}/],
  ["an AWS access key", /\bAKIA[0-9A-Z]{16}\b/],
  ["a GitHub token", /\bgh[pousr]_[A-Za-z0-9]{36,}\b/],
  ["a Slack token", /\bxox[abpr]-[A-Za-z0-9-]{10,}/],
  ["a Google API key", /\bAIza[0-9A-Za-z_-]{35}\b/],
  ["an Opus API key", /\bopus_uk_[A-Za-z0-9_-]{43}\b/],
];
/** A password given a literal value in a configuration file (not a variable reference). */
// Same line only: a `secret:` key opening a nested mapping (a Kubernetes volume) is not a value.
const CONFIG_PASSWORD = /(?:password|passwd|secret)[ \t]*[:=][ \t]*["']?(?!\$\{|<|changeme|change-me)[^\s"'#]{8,}/i;
const CONFIG_FILE = /\.(?:ya?ml|env|ini|toml|properties|conf)$|(?:^|\/)\.env(?:\.|$)/;
/** Test fixtures and generated code may hold throwaway keys on purpose. */
const EXEMPT = /(?:^|\/)(?:test|tests|e2e|fixtures|__fixtures__)\/|\/generated\/|pnpm-lock\.yaml$/;

function trackedFiles(): string[] {
  return execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" })
    .split("\0")
    .filter((f) => f.length > 0 && !EXEMPT.test(f));
}

describe("committed secrets", () => {
  it("none in the tracked tree outside test fixtures", () => {
    const found: string[] = [];
    for (const file of trackedFiles()) {
      let text: string;
      try {
        text = readFileSync(path.join(root, file), "utf8");
      } catch {
        continue; // deleted in the working copy, or not a regular file
      }
      if (text.includes("\0")) continue; // binary
      for (const [what, pattern] of SECRET_PATTERNS) if (pattern.test(text)) found.push(`${file}: ${what}`);
      if (CONFIG_FILE.test(file) && CONFIG_PASSWORD.test(text)) found.push(`${file}: a password in configuration`);
    }
    expect(found).toEqual([]);
  });

  it("finds each kind it looks for (the patterns themselves are checked)", () => {
    const key = `-----BEGIN PRIVATE KEY-----\n${"A".repeat(64)}\n-----END PRIVATE KEY-----`;
    expect(SECRET_PATTERNS.find(([, p]) => p.test(key))?.[0]).toBe("a private key");
    expect(SECRET_PATTERNS.some(([, p]) => p.test(`AKIA${"A".repeat(16)}`))).toBe(true);
    expect(CONFIG_PASSWORD.test("password: hunter2hunter2")).toBe(true);
    // A variable reference, as deployment files write it (a literal "${…}", not a template).
    expect(CONFIG_PASSWORD.test(["password: $", "{DB_PASSWORD}"].join(""))).toBe(false);
    // A Kubernetes secret volume: the `secret:` key opens a mapping, its value is on the next lines.
    expect(CONFIG_PASSWORD.test("volumes:\n  - name: creds\n    secret:\n      secretName: opus-agent-credentials")).toBe(false);
    expect(CONFIG_PASSWORD.test("secret:   s3cr3t-value-here")).toBe(true);
  });
});
