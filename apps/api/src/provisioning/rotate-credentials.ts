// Key rotation: re-seals every managed account's credentials that are not under the worker's
// current key (an older key, or the first scheme's symmetric key) with the current one. Only a
// worker can do this, since only it can open them. Each write is a compare-and-set on the old
// envelope: a concurrent rotation, or the customer saving new credentials meanwhile, wins, and
// nothing is re-sealed twice. Run at every worker start and by `pnpm credentials:rotate`.
import type { Db } from "@opus/db/client";
import type { CredentialsOpener } from "../lib/credentials-envelope.ts";

export type RotationResult = { resealed: number; alreadyCurrent: number; skipped: number };

export async function rotateCredentials(db: Db, opener: CredentialsOpener): Promise<RotationResult> {
  const accounts = await db.managedAccount.findMany({ select: { id: true, credentialsCiphertext: true } });
  const result: RotationResult = { resealed: 0, alreadyCurrent: 0, skipped: 0 };
  for (const account of accounts) {
    const sealed = account.credentialsCiphertext;
    if (sealed === "") continue; // a draft that has not given its credentials yet
    if (opener.isCurrent(sealed)) {
      result.alreadyCurrent++;
      continue;
    }
    const resealed = opener.encrypt(opener.decrypt(sealed));
    const { count } = await db.managedAccount.updateMany({
      where: { id: account.id, credentialsCiphertext: sealed },
      data: { credentialsCiphertext: resealed },
    });
    if (count === 1) result.resealed++;
    else result.skipped++;
  }
  return result;
}
