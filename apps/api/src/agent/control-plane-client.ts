// The agent's only connection: HTTPS out to the control plane's /api/v1/agent routes with its key.
// `post` answers the status and body; `deliver` keeps trying through an outage (a run that ended
// while the link was down is reported when it returns, never run again) and stops at an answer.
import type { Logger } from "../logger.ts";

export type Answer = { status: number; body: unknown };

export type ControlPlaneClient = {
  post(path: string, body: unknown): Promise<Answer>;
  /** Retries network errors, 429 and 5xx with growing pauses until an answer that settles it (2xx or 4xx). */
  deliver(path: string, body: unknown): Promise<Answer>;
};

export function createControlPlaneClient(options: { baseUrl: string; key: string; version: string; log: Logger }): ControlPlaneClient {
  const base = options.baseUrl.replace(/\/$/, "");
  async function post(path: string, body: unknown): Promise<Answer> {
    const res = await fetch(`${base}${path}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${options.key}`,
        "content-type": "application/json",
        "user-agent": `opus-agent/${options.version}`,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  }
  return {
    post,
    async deliver(path, body) {
      for (let attempt = 0; ; attempt++) {
        try {
          const answer = await post(path, body);
          if (answer.status < 500 && answer.status !== 429) return answer;
          options.log.warn({ path, status: answer.status }, "control plane busy or failing; trying again");
        } catch (error) {
          options.log.warn({ path, err: error }, "control plane unreachable; trying again");
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 200 * 2 ** attempt)));
      }
    },
  };
}

/** An answer the agent cannot act on: a refusal (401 revoked key, 403, 404) is said plainly. */
export class ControlPlaneRefusal extends Error {
  constructor(
    readonly status: number,
    body: unknown,
  ) {
    const message = (body as { error?: { message?: string } } | null)?.error?.message ?? "no message";
    super(`The control plane answered ${status}: ${message}`);
  }
}
