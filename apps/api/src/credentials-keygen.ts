// `pnpm --filter @opus/api credentials:keygen`: a new credentials key pair. The private key goes to
// the worker only (CREDENTIALS_PRIVATE_KEYS, first; keep the old one after it until rotation ran),
// the public key to the API (CREDENTIALS_PUBLIC_KEY) and the control-plane program's config.
import { generateCredentialsKeyPair } from "./lib/credentials-envelope.ts";

const { privateKey, publicKey } = generateCredentialsKeyPair();
console.log(`CREDENTIALS_PRIVATE_KEYS=${privateKey}   # worker only, a secret`);
console.log(`CREDENTIALS_PUBLIC_KEY=${publicKey}   # API and control-plane config, not a secret`);
