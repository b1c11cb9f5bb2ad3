// Computes TOTP codes the way an authenticator app does (the otpauth library, not better-auth's own code).
import * as OTPAuth from "otpauth";

export function totpForRawSecret(rawSecret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromUTF8(rawSecret) }).generate();
}

export function totpForUri(uri: string): string {
  return OTPAuth.URI.parse(uri).generate();
}
