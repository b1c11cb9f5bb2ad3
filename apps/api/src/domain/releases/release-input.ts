// What a release declares, validated once: the tRPC router uses these schemas, the domain relies on them.
import { RELEASE_CHANNELS } from "@opus/rules/releases";
import { z } from "zod";
import { isReleaseVersion, kubernetesMinor } from "./versions.ts";

const short = (max: number) => z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);

export const zReleaseVersion = short(64).refine(isReleaseVersion, "must be a semantic version such as 3.6.0");
const zKubernetesVersion = short(32).refine((v) => kubernetesMinor(v) !== null, "must be a Kubernetes version such as 1.30");
/** An OCI or registry image reference ("registry.opus.example/consent:3.6.0"). */
const zImage = short(300).regex(/^[a-z0-9][a-z0-9._\-/:@]*$/, "must be an image reference");

export const zReleaseModule = z.strictObject({
  /** e.g. "consent", "authorization-server", "payments". */
  name: short(63).regex(/^[a-z][a-z0-9-]*$/, "lower-case letters, digits and '-'"),
  image: zImage,
  /** Where the chart reads this module's settings ("consent" → values.consent). */
  valuesKey: short(100).regex(/^[A-Za-z][A-Za-z0-9_.]*$/, "must be a values key such as consent or modules.consent"),
  needsDatabase: z.boolean(),
  needsQueue: z.boolean(),
});
export type ReleaseModule = z.infer<typeof zReleaseModule>;

export const zReleaseInput = z
  .strictObject({
    version: zReleaseVersion,
    chart: short(200),
    chartRepository: short(300),
    chartVersion: short(64),
    images: z.record(short(63), zImage).refine((r) => Object.keys(r).length <= 50, "at most 50 images"),
    modules: z.array(zReleaseModule).min(1, "declare at least one module").max(50),
    kubernetesMin: zKubernetesVersion,
    kubernetesMax: zKubernetesVersion,
    channel: z.enum(RELEASE_CHANNELS),
    minUpgradableFrom: zReleaseVersion.nullable(),
    notes: z.string().max(20_000, "must be at most 20000 characters"),
  })
  .refine((r) => new Set(r.modules.map((m) => m.name)).size === r.modules.length, {
    message: "each module is declared once",
    path: ["modules"],
  });
export type ReleaseInput = z.infer<typeof zReleaseInput>;
