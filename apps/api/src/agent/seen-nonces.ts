// The nonces of signed payloads this replica accepted, kept on disk (one JSON line each) for as
// long as a payload counts as fresh, so a replayed payload is refused even across restarts.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type SeenNonces = { firstSight(nonce: string, issuedAt: Date): boolean };

export function openSeenNonces(stateDir: string, maxAgeMs: number, now: () => Date): SeenNonces {
  mkdirSync(stateDir, { recursive: true });
  const file = path.join(stateDir, "seen-nonces.jsonl");
  const seen = new Map<string, number>();
  if (existsSync(file)) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!line) continue;
      const entry = JSON.parse(line) as { nonce: string; issuedAt: number };
      seen.set(entry.nonce, entry.issuedAt);
    }
  }
  const prune = () => {
    const oldest = now().getTime() - maxAgeMs;
    for (const [nonce, at] of seen) if (at < oldest) seen.delete(nonce);
    writeFileSync(file, [...seen].map(([nonce, at]) => `${JSON.stringify({ nonce, issuedAt: at })}\n`).join(""));
  };
  prune();
  let added = 0;
  return {
    firstSight(nonce, issuedAt) {
      if (seen.has(nonce)) return false;
      seen.set(nonce, issuedAt.getTime());
      appendFileSync(file, `${JSON.stringify({ nonce, issuedAt: issuedAt.getTime() })}\n`);
      if (++added % 1000 === 0) prune();
      return true;
    },
  };
}
