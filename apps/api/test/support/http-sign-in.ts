// Signs a demo staff member in over HTTP (password, then TOTP) and returns the Cookie header to send.
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@opus/db/demo-accounts";
import { totpForRawSecret } from "./totp.ts";

export async function signIn(base: string, origin: string, email: string): Promise<string> {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account?.totpSecret) throw new Error(`${email} is not a demo staff account`);
  const cookies = new Map<string, string>();
  const post = async (path: string, body: unknown) => {
    const res = await fetch(base + path, {
      method: "POST",
      headers: { "content-type": "application/json", origin, cookie: header() },
      body: JSON.stringify(body),
    });
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(";")[0] ?? "";
      const eq = pair.indexOf("=");
      if (eq > 0) cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  await post("/api/auth/sign-in/email", { email, password: DEMO_PASSWORD });
  await post("/api/auth/two-factor/verify-totp", { code: totpForRawSecret(account.totpSecret) });
  return header();
}
