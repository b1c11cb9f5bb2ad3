import type { APIRequestContext } from "@playwright/test";
import { expect } from "@playwright/test";

type Envelope = { result?: { data?: { json?: unknown } }; error?: { json?: { message?: string } } };

/**
 * Calls a tRPC procedure over HTTP the way the console does (superjson envelope), for test setup
 * that is not what a test is about. Only plain JSON inputs and outputs are read (ids, names).
 */
export async function trpcMutation<T>(request: APIRequestContext, baseURL: string, path: string, input: unknown): Promise<T> {
  const res = await request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { origin: baseURL } });
  const body = (await res.json()) as Envelope;
  expect(res.ok(), `${path} answered ${res.status()}: ${body.error?.json?.message ?? ""}`).toBe(true);
  return body.result?.data?.json as T;
}

export async function trpcQuery<T>(request: APIRequestContext, path: string, input: unknown = undefined): Promise<T> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await request.get(`/api/trpc/${path}${query}`);
  const body = (await res.json()) as Envelope;
  expect(res.ok(), `${path} answered ${res.status()}: ${body.error?.json?.message ?? ""}`).toBe(true);
  return body.result?.data?.json as T;
}
