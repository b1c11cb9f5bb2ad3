// `pnpm totp <email>`: the current TOTP code of a demo staff account (demo seed only), so a newcomer
// can sign in as Opus staff without an authenticator app. Real accounts enrol their own secret.

import { DEMO_ACCOUNTS } from "@opus/db/demo-accounts";
import * as OTPAuth from "otpauth";

const email = process.argv[2];
const account = DEMO_ACCOUNTS.find((a) => a.email === email && a.totpSecret);
if (!account?.totpSecret) {
  console.error(
    `Usage: pnpm totp <email>; demo staff: ${DEMO_ACCOUNTS.filter((a) => a.totpSecret)
      .map((a) => a.email)
      .join(", ")}`,
  );
  process.exit(2);
}
const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromUTF8(account.totpSecret) });
const remaining = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${totp.generate()}  (valid for ${remaining}s more)`);
