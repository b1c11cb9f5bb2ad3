// What each plan size buys, in one table: namespace quotas, container defaults, autoscaling
// bounds and database connections. Everything that scales with the plan reads from here, so a
// plan change is one edit and the tests can compare the cluster objects against these numbers.
import type { PLAN_SIZES } from "./spec.ts";

export type PlanSize = (typeof PLAN_SIZES)[number];

export type PlanSizing = {
  /** ResourceQuota `hard` limits for the tenant namespace. */
  quota: {
    requestsCpu: string;
    requestsMemory: string;
    limitsCpu: string;
    limitsMemory: string;
    pods: number;
    services: number;
    persistentVolumeClaims: number;
    requestsStorage: string;
  };
  /** LimitRange for containers that do not declare their own resources. */
  container: {
    defaultCpu: string;
    defaultMemory: string;
    defaultRequestCpu: string;
    defaultRequestMemory: string;
    maxCpu: string;
    maxMemory: string;
  };
  /** Replica bounds of every platform module's HorizontalPodAutoscaler. */
  autoscaling: { minReplicas: number; maxReplicas: number };
  /** Connection cap of the tenant's database role, so one tenant cannot exhaust a shared server. */
  databaseConnectionLimit: number;
};

export const PLAN_SIZING: Record<PlanSize, PlanSizing> = {
  SMALL: {
    quota: {
      requestsCpu: "4",
      requestsMemory: "8Gi",
      limitsCpu: "8",
      limitsMemory: "16Gi",
      pods: 40,
      services: 20,
      persistentVolumeClaims: 5,
      requestsStorage: "50Gi",
    },
    container: {
      defaultCpu: "500m",
      defaultMemory: "512Mi",
      defaultRequestCpu: "100m",
      defaultRequestMemory: "256Mi",
      maxCpu: "2",
      maxMemory: "4Gi",
    },
    autoscaling: { minReplicas: 1, maxReplicas: 3 },
    databaseConnectionLimit: 50,
  },
  MEDIUM: {
    quota: {
      requestsCpu: "8",
      requestsMemory: "16Gi",
      limitsCpu: "16",
      limitsMemory: "32Gi",
      pods: 80,
      services: 30,
      persistentVolumeClaims: 10,
      requestsStorage: "200Gi",
    },
    container: {
      defaultCpu: "1",
      defaultMemory: "1Gi",
      defaultRequestCpu: "250m",
      defaultRequestMemory: "512Mi",
      maxCpu: "4",
      maxMemory: "8Gi",
    },
    autoscaling: { minReplicas: 2, maxReplicas: 6 },
    databaseConnectionLimit: 100,
  },
  LARGE: {
    quota: {
      requestsCpu: "16",
      requestsMemory: "32Gi",
      limitsCpu: "32",
      limitsMemory: "64Gi",
      pods: 160,
      services: 40,
      persistentVolumeClaims: 20,
      requestsStorage: "500Gi",
    },
    container: {
      defaultCpu: "1",
      defaultMemory: "2Gi",
      defaultRequestCpu: "500m",
      defaultRequestMemory: "1Gi",
      maxCpu: "8",
      maxMemory: "16Gi",
    },
    autoscaling: { minReplicas: 3, maxReplicas: 12 },
    databaseConnectionLimit: 200,
  },
};
