import type { Prisma } from "@opus/db/client";

export const releaseSelect = {
  id: true,
  version: true,
  chart: true,
  chartRepository: true,
  chartVersion: true,
  images: true,
  modules: true,
  kubernetesMin: true,
  kubernetesMax: true,
  channel: true,
  status: true,
  minUpgradableFrom: true,
  notes: true,
  createdById: true,
  publishedById: true,
  publishedAt: true,
  withdrawnAt: true,
  withdrawReason: true,
  createdAt: true,
} satisfies Prisma.ReleaseSelect;
