// `pnpm --filter @opus/api credentials:rotate`: re-seals stored credentials under the worker's current
// key, with the worker's settings (CREDENTIALS_PRIVATE_KEYS first key current, older keys and
// CREDENTIALS_KEY still open what they sealed). Afterwards the older keys can be removed.
import { createWorkerServices } from "./create-services.ts";
import { loadEnv } from "./env/load-env.ts";
import { parseWorkerEnv } from "./env/worker-env.ts";
import { rotateCredentials } from "./provisioning/rotate-credentials.ts";

const services = createWorkerServices(loadEnv(parseWorkerEnv), "credentials-rotate");
try {
  const result = await rotateCredentials(services.db, services.cipher);
  console.log(
    `re-sealed ${result.resealed}, already current ${result.alreadyCurrent}, changed meanwhile (left as they are) ${result.skipped}`,
  );
} finally {
  await services.db.$disconnect();
  await services.sql.end();
}
