// better-auth's routes under /api/auth. The library turns every failure it does not expect into a
// 500 (a lost database included, e.g. "Failed to get session"), so a 5xx from it is checked against
// the database: when the database cannot be reached the answer is our 503, in better-auth's own
// error shape ({ message, code }), so the console reads it like any other sign-in error.
import type { Db } from "@opus/db/client";
import { toNodeHandler } from "better-auth/node";
import { DATABASE_UNAVAILABLE_MESSAGE } from "../errors/database-errors.ts";
import { checkReadiness } from "./readiness.ts";

type AuthHandler = { handler: (request: Request) => Promise<Response> };

export function createAuthHandler(auth: AuthHandler, db: Db) {
  return toNodeHandler(async (request: Request) => {
    const response = await auth.handler(request);
    if (response.status < 500 || (await checkReadiness(db)).status === 200) return response;
    return Response.json({ message: DATABASE_UNAVAILABLE_MESSAGE, code: "UNAVAILABLE" }, { status: 503 });
  });
}
