// `pnpm db:migration <name> [git-ref]`: writes a new migration with the SQL that takes the schema as
// of <git-ref> (default HEAD) to the working copy's schema.prisma. Offline: Prisma's datamodel-to-
// datamodel diff needs no database (diffing against a live database is unsupported with a driver adapter).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const [name, ref = "HEAD"] = process.argv.slice(2);
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: pnpm db:migration <snake_case_name> [git-ref]");
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, "..");
const dbDir = path.join(root, "packages/db");
const previous = path.join(tmpdir(), `schema-${Date.now()}.prisma`);
writeFileSync(previous, execFileSync("git", ["show", `${ref}:packages/db/prisma/schema.prisma`], { cwd: root }));
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(dbDir, "prisma/migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
const out = path.join(dir, "migration.sql");
const result = spawnSync(
  path.join(dbDir, "node_modules/.bin/prisma"),
  ["migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", "prisma/schema.prisma", "--script", "-o", out],
  {
    cwd: dbDir,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
  },
);
if (result.status !== 0) process.exit(result.status ?? 1);
console.log(`wrote ${path.relative(root, out)}:\n${readFileSync(out, "utf8")}`);
