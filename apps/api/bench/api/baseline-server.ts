// The two same-run baselines of `pnpm bench:api`, in one process of their own:
// - a raw `pg` handler that serves the institutions page with the two statements it needs
//   (count + page with per-row child counts) over a pool the size of the API's;
// - a bare Node handler that returns the very page the API served, from memory.
// Usage: node --import tsx baseline-server.ts <databaseUrl> <pgPort> <barePort> <bodyFile>
import { readFileSync } from "node:fs";
import http from "node:http";
import pg from "pg";

const [databaseUrl, pgPort, barePort, bodyFile] = process.argv.slice(2);
if (!databaseUrl || !pgPort || !barePort || !bodyFile)
  throw new Error("usage: baseline-server <databaseUrl> <pgPort> <barePort> <bodyFile>");

const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const PAGE_SQL = `
  SELECT i.id, i.slug, i."legalName", i."tradeName", i.cnpj, i.status, i."deploymentMode", i.roles, i."createdAt",
         p.id AS "planId", p.name AS "planName",
         (SELECT count(*)::int FROM environment e WHERE e."institutionId" = i.id) AS environments,
         (SELECT count(*)::int FROM membership m WHERE m."institutionId" = i.id) AS memberships
  FROM institution i LEFT JOIN plan p ON p.id = i."planId"
  ORDER BY i."legalName" ASC, i.id ASC
  LIMIT 25`;

http
  .createServer(async (_req, res) => {
    try {
      const [count, page] = await Promise.all([pool.query("SELECT count(*)::int AS total FROM institution"), pool.query(PAGE_SQL)]);
      const items = page.rows.map(({ planId, planName, environments, memberships, ...row }) => ({
        ...row,
        plan: planId ? { id: planId, name: planName } : null,
        _count: { environments, memberships },
      }));
      const body = JSON.stringify([{ result: { data: { json: { items, total: count.rows[0].total, page: 1, pageSize: 25 } } } }]);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(body);
    } catch (error) {
      res.writeHead(500);
      res.end(String(error));
    }
  })
  .listen(Number(pgPort), "127.0.0.1");

const body = readFileSync(bodyFile);
http
  .createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(body);
  })
  .listen(Number(barePort), "127.0.0.1", () => process.send?.("ready"));
