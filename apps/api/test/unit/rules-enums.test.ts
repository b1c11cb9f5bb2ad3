// @opus/rules keeps the value lists the console shows (it cannot import Prisma); this file is what
// keeps them equal to the database's enums. The type assertions fail the type check, the values
// fail the test, and a new Prisma enum fails until it is given a list or declared server-only.
import { Enums } from "@opus/db/client";
import * as Rules from "@opus/rules/enums";
import * as GoLive from "@opus/rules/go-live-readiness";
import * as ReleaseRules from "@opus/rules/releases";
import { describe, expect, it } from "vitest";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <T extends true>(_: T) => _;

same<Same<Rules.StaffRole, Enums.StaffRole>>(true);
same<Same<Rules.DeploymentMode, Enums.DeploymentMode>>(true);
same<Same<Rules.InstitutionStatus, Enums.InstitutionStatus>>(true);
same<Same<Rules.RegulatoryRole, Enums.RegulatoryRole>>(true);
same<Same<Rules.CloudProvider, Enums.CloudProvider>>(true);
same<Same<Rules.ManagedCredentialsSource, Enums.ManagedCredentialsSource>>(true);
same<Same<Rules.PlanSize, Enums.PlanSize>>(true);
same<Same<Rules.ContactKind, Enums.ContactKind>>(true);
same<Same<Rules.InstitutionRole, Enums.InstitutionRole>>(true);
same<Same<Rules.EnvironmentKind, Enums.EnvironmentKind>>(true);
same<Same<Rules.CertificateKind, Enums.CertificateKind>>(true);
same<Same<Rules.ApprovalAction, Enums.ApprovalAction>>(true);
same<Same<Rules.ApprovalStatus, Enums.ApprovalStatus>>(true);
same<Same<Rules.SignupStatus, Enums.SignupStatus>>(true);
same<Same<ReleaseRules.ReleaseStatus, Enums.ReleaseStatus>>(true);
same<Same<ReleaseRules.ReleaseChannel, Enums.ReleaseChannel>>(true);
same<Same<ReleaseRules.RolloutStatus, Enums.RolloutStatus>>(true);
same<Same<ReleaseRules.RolloutWaveStatus, Enums.RolloutWaveStatus>>(true);
same<Same<ReleaseRules.RolloutTargetStatus, Enums.RolloutTargetStatus>>(true);

type PrismaEnum = keyof typeof Enums;

/**
 * Every Prisma enum: the rules list that mirrors it, or null when only the server needs it (the
 * environment's and operations' lists belong with the environment state machine).
 */
const MIRRORS: Record<PrismaEnum, readonly string[] | null> = {
  StaffRole: Rules.STAFF_ROLES,
  DeploymentMode: Rules.DEPLOYMENT_MODES,
  InstitutionStatus: Rules.INSTITUTION_STATUSES,
  RegulatoryRole: Rules.REGULATORY_ROLES,
  CloudProvider: Rules.CLOUD_PROVIDERS,
  ManagedCredentialsSource: Rules.MANAGED_CREDENTIALS_SOURCES,
  PlanSize: Rules.PLAN_SIZES,
  ContactKind: Rules.CONTACT_KINDS,
  InstitutionRole: Rules.INSTITUTION_ROLES,
  EnvironmentKind: Rules.ENVIRONMENT_KINDS,
  EnvironmentStatus: null,
  OperationKind: null,
  OperationStatus: null,
  CertificateKind: Rules.CERTIFICATE_KINDS,
  ApprovalAction: Rules.APPROVAL_ACTIONS,
  ApprovalStatus: Rules.APPROVAL_STATUSES,
  SignupStatus: Rules.SIGNUP_STATUSES,
  ApiKeyPurpose: null,
  // Machine API and usage metering: nothing in the console lists these yet.
  ApiKeyOrigin: null,
  MeterAggregation: null,
  MeterSource: null,
  UsageReportStatus: null,
  AdjustmentStatus: null,
  ReleaseStatus: ReleaseRules.RELEASE_STATUSES,
  ReleaseChannel: ReleaseRules.RELEASE_CHANNELS,
  RolloutStatus: ReleaseRules.ROLLOUT_STATUSES,
  RolloutWaveStatus: ReleaseRules.ROLLOUT_WAVE_STATUSES,
  RolloutTargetStatus: ReleaseRules.ROLLOUT_TARGET_STATUSES,
  GoLiveStageKey: GoLive.GO_LIVE_STAGES,
  GoLiveStageState: GoLive.GO_LIVE_STAGE_STATES,
};

describe("@opus/rules/enums against the Prisma schema", () => {
  it("names every Prisma enum, so a new one needs a decision", () => {
    expect(Object.keys(MIRRORS).sort()).toEqual(Object.keys(Enums).sort());
  });

  it.each(Object.entries(MIRRORS).filter((entry): entry is [string, readonly string[]] => entry[1] !== null))(
    "%s has exactly the schema's values, in the schema's order",
    (name, list) => {
      expect(list).toEqual(Object.values(Enums[name as PrismaEnum]));
    },
  );
});
