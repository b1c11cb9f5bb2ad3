// Demo data covering every role and all three deployment modes. Runs once: a database that
// already has the demo admin is left alone, so a second `pnpm start` keeps what people changed.
import { randomUUID } from "node:crypto";
import { hashPassword, symmetricEncrypt } from "better-auth/crypto";
import { appendAuditEvent } from "./audit-chain.ts";
import type { Db } from "./client.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts.ts";

export type SeedOptions = {
  /** better-auth's secret: TOTP secrets are stored encrypted with it. */
  authSecret: string;
  /** Encrypts managed-cluster credentials the way the API does (AES-GCM with the app key). */
  encryptCredentials: (plain: string) => string;
};

const NO_ACTOR = {
  actorId: null,
  actorEmail: null,
  institutionId: null,
  targetType: null,
  targetId: null,
  ip: null,
  userAgent: null,
  requestId: null,
};

export async function seedDemoData(db: Db, options: SeedOptions): Promise<"seeded" | "already-seeded"> {
  const first = DEMO_ACCOUNTS[0];
  if (first && (await db.user.findUnique({ where: { email: first.email } }))) return "already-seeded";

  const [starter, growth, enterprise] = await Promise.all([
    db.plan.create({ data: { code: "starter", name: "Starter", size: "SMALL" } }),
    db.plan.create({ data: { code: "growth", name: "Growth", size: "MEDIUM" } }),
    db.plan.create({ data: { code: "enterprise", name: "Enterprise", size: "LARGE" } }),
  ]);

  const aurora = await db.institution.create({
    data: {
      slug: "banco-aurora",
      legalName: "Banco Aurora S.A.",
      tradeName: "Aurora",
      cnpj: "11222333000181",
      organisationId: "11ae60da-b8d4-4386-a011-635f3dd4b74d",
      roles: ["DADOS", "CONTA", "PAGTO"],
      apiFamilies: ["channels", "products-services", "consents", "resources", "accounts", "payments-pix"],
      deploymentMode: "SAAS",
      region: "sa-east-1",
      status: "ACTIVE",
      planId: growth.id,
      submittedAt: new Date("2026-09-01T12:00:00Z"),
      approvedAt: new Date("2026-09-02T12:00:00Z"),
      brands: { create: [{ name: "Aurora", authorisationServerId: "d5e54d95-9461-48d6-8af7-877f0facd114" }] },
      contacts: {
        create: [
          { kind: "TECHNICAL", name: "Ana Souza", email: "ana@aurora.example", phone: "+55 11 4000-1000" },
          { kind: "BILLING", name: "Financeiro Aurora", email: "financeiro@aurora.example" },
        ],
      },
      environments: {
        create: [
          {
            kind: "HOMOLOGATION",
            status: "ACTIVE",
            stackName: "banco-aurora-homologation",
            cluster: "saas-sa-east-1",
            namespace: "banco-aurora-homologation",
            releaseVersion: "3.4.0",
          },
          {
            kind: "PRODUCTION",
            status: "ACTIVE",
            stackName: "banco-aurora-production",
            cluster: "saas-sa-east-1",
            namespace: "banco-aurora-production",
            releaseVersion: "3.4.0",
          },
        ],
      },
    },
  });

  const horizonte = await db.institution.create({
    data: {
      slug: "coop-horizonte",
      legalName: "Cooperativa de Crédito Horizonte",
      tradeName: "Horizonte",
      cnpj: "12ABC34501DE35",
      organisationId: "350c4029-a025-47b9-9cfe-bee613e4b033",
      roles: ["DADOS", "CCORR"],
      apiFamilies: ["channels", "products-services", "consents", "resources", "customers"],
      deploymentMode: "MANAGED",
      status: "SUBMITTED",
      planId: starter.id,
      submittedAt: new Date("2026-11-20T15:00:00Z"),
      brands: { create: [{ name: "Horizonte", authorisationServerId: "7c928600-9e32-4898-9c47-a161c6666fcc" }] },
      contacts: {
        create: [
          { kind: "TECHNICAL", name: "Helena Costa", email: "helena@horizonte.example" },
          { kind: "BILLING", name: "Tesouraria Horizonte", email: "tesouraria@horizonte.example" },
        ],
      },
      managedAccount: {
        create: {
          cloudProvider: "AWS",
          accountRef: "123456789012",
          region: "sa-east-1",
          clusterName: "horizonte-eks",
          clusterEndpoint: "https://horizonte-eks.sa-east-1.eks.example",
          // The document the worker reads (see apps/api/src/provisioning/managed-credentials.ts); demo values.
          credentialsCiphertext: options.encryptCredentials(
            JSON.stringify({
              kubeconfig: "apiVersion: v1\nkind: Config\n# demo kubeconfig of horizonte-eks\n",
              gateway: { domain: "openfinance.horizonte.example", namespace: "kong" },
              database: {
                host: "pg.horizonte.internal",
                port: 5432,
                adminUser: "opus_admin",
                adminPassword: "demo-db-password",
                sslMode: "require",
                cidr: "10.40.0.0/24",
              },
              queue: {
                kind: "rabbitmq",
                endpoint: "https://mq.horizonte.internal:15671",
                adminUser: "opus",
                adminPassword: "demo-mq-password",
                host: "mq.horizonte.internal",
                port: 5671,
                cidr: "10.40.1.0/24",
              },
            }),
          ),
        },
      },
      environments: {
        create: [
          { kind: "HOMOLOGATION", stackName: "coop-horizonte-homologation" },
          { kind: "PRODUCTION", stackName: "coop-horizonte-production" },
        ],
      },
    },
  });

  const sertao = await db.institution.create({
    data: {
      slug: "fintech-sertao",
      legalName: "Fintech Sertão Pagamentos Ltda.",
      tradeName: "Sertão Pay",
      cnpj: "44555666000181",
      roles: ["PAGTO"],
      apiFamilies: ["payments-pix"],
      deploymentMode: "SELF_MANAGED",
      status: "DRAFT",
      planId: enterprise.id,
    },
  });

  const bySlug = new Map([aurora, horizonte, sertao].map((i) => [i.slug, i.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const userId = randomUUID();
    await db.user.create({
      data: {
        id: userId,
        email: account.email,
        name: account.name,
        emailVerified: true,
        staffRole: account.staffRole ?? null,
        twoFactorEnabled: Boolean(account.totpSecret),
        accounts: { create: { id: randomUUID(), accountId: userId, providerId: "credential", password: passwordHash } },
      },
    });
    if (account.totpSecret) {
      await db.twoFactor.create({
        data: {
          id: randomUUID(),
          userId,
          verified: true,
          secret: await symmetricEncrypt({ key: options.authSecret, data: account.totpSecret }),
          backupCodes: await symmetricEncrypt({ key: options.authSecret, data: JSON.stringify([]) }),
        },
      });
    }
    const institutionId = account.membership && bySlug.get(account.membership.institutionSlug);
    if (account.membership && institutionId) {
      await db.membership.create({ data: { userId, institutionId, role: account.membership.role } });
    }
  }

  await db.$transaction((tx) =>
    appendAuditEvent(tx, {
      ...NO_ACTOR,
      action: "system.seeded",
      data: { institutions: bySlug.size, users: DEMO_ACCOUNTS.length },
    }),
  );
  // Prices from January 2026 (base fee per deployment mode in centavos; unit prices in exact reais).
  const apiCallTiers = (first: string, rest: string) => [
    { upTo: "1000000", unitPrice: first },
    { upTo: null, unitPrice: rest },
  ];
  for (const [plan, base, included, first, rest] of [
    [starter, 150_000, "100000", "0.0020", "0.0015"],
    [growth, 450_000, "1000000", "0.0015", "0.0010"],
    [enterprise, 1_200_000, "5000000", "0.0010", "0.0006"],
  ] as const) {
    await db.planPriceVersion.create({
      data: {
        planId: plan.id,
        effectiveMonth: "2026-01",
        createdById: "seed",
        baseFees: { SAAS: base, MANAGED: Math.round(base * 1.4), SELF_MANAGED: Math.round(base * 0.6) },
        meterPrices: {
          api_calls: { model: "GRADUATED", included, tiers: apiCallTiers(first, rest) },
          payments_initiated: {
            model: "VOLUME",
            included: "0",
            tiers: [
              { upTo: "10000", unitPrice: "0.05" },
              { upTo: null, unitPrice: "0.03" },
            ],
          },
          active_consents: { model: "PACKAGE", included: "1000", packageSize: "1000", packagePrice: "25.00" },
          environment_days: { model: "GRADUATED", included: "60", tiers: [{ upTo: null, unitPrice: "40.00" }] },
        },
      },
    });
  }

  return "seeded";
}
