// What domain functions receive. Defined here, by the domain, so the domain depends on no transport:
// the tRPC context is built to satisfy this type, never the reverse. Everything the domain calls out
// to is a named port, so a test can see (and replace) exactly what a function reaches.
import type { Db } from "@opus/db/client";
import type { SqlPool } from "@opus/db/sql-pool";
import type { Actor } from "../authz/actor.ts";
import type { AuditSigner } from "../lib/audit-signer.ts";
import type { CredentialsSealer } from "../lib/credentials-envelope.ts";
import type { Mailer } from "../lib/mailer.ts";
import type { Logger } from "../logger.ts";

/** The only source of "now" in the domain: injected, so tests move time and no function calls `new Date()`. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** Where a request came from, recorded on audit events. */
export type RequestOrigin = { requestId: string | null; ip: string | null; userAgent: string | null };

/** A version of the platform: its Helm chart and version. */
export type PlatformRelease = { version: string; chart: string; repository: string };

/** What the domain calls out to. */
export type DomainPorts = {
  mailer: Mailer;
  /** Seals managed-cluster credentials at rest. */
  cipher: CredentialsSealer;
  /** Signs and checks the audit chain's checkpoints. */
  auditSigner: AuditSigner;
};

/** Deployment facts the domain needs to decide things. */
export type DomainSettings = {
  /** The platform release new environments and install bundles get. */
  platformRelease: PlatformRelease;
  /** Codes of the regions where Opus runs SaaS tenants. */
  saasRegions: readonly string[];
  /** Each SaaS region's cluster Kubernetes version, where configured. */
  saasKubernetes: Readonly<Record<string, string>>;
  /** The console's public URL, for links in e-mails and install bundles. */
  publicUrl: string;
  /** The agent's image, docker/agent.Dockerfile (null when not configured). */
  agentImage: string | null;
  /** Days after a São Paulo month ends during which its usage report stays a draft (late events count). */
  reportGraceDays: number;
};

/** For the few functions reachable without a session (sign-up, invitation links). */
export type PublicDomainContext = RequestOrigin & {
  db: Db;
  /** Plain SQL for the hot reads (list pages, identity) and bulk writes; see docs/architecture.md. */
  sql: SqlPool;
  clock: Clock;
  log: Logger;
  ports: DomainPorts;
  settings: DomainSettings;
  actor: Actor | null;
};

/** A signed-in actor's context: what almost every domain function takes. */
export type DomainContext = PublicDomainContext & { actor: Actor };
