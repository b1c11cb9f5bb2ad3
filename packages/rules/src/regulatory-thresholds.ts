// Open Finance Brasil's operating thresholds, held as data because they change with the regulation.
// Each rule carries its source beside it; a new version of the rules is a new entry here, never an
// edit of figures in the functions that evaluate them (`regulatory-verdicts.ts`).

export type RuleSource = { document: string; section: string; note?: string };

/** Frequency classes of the non-functional requirements; each endpoint belongs to one. */
export const ENDPOINT_CLASSES = ["HIGH", "MEDIUM_HIGH", "MEDIUM", "LOW"] as const;
export type EndpointClass = (typeof ENDPOINT_CLASSES)[number];

const MANUAL_V5: RuleSource = {
  document: "Manual de APIs do Open Finance v5.0 (Instrução Normativa BCB nº 456, 29/02/2024)",
  section: "5 Requisitos não funcionais",
};

export type RegulatoryRules = {
  version: string;
  /** Calendar days are São Paulo days (the admin API's requestTime, read in America/Sao_Paulo). */
  daySeconds: number;
  dailyAvailability: { id: "availability.daily"; minimumBasisPoints: number; source: RuleSource };
  windowAvailability: { id: "availability.window"; minimumBasisPoints: number; windowDays: number; source: RuleSource };
  /** Whether announced (scheduled) outages count as downtime against availability. */
  scheduledOutageCounts: { value: boolean; source: RuleSource };
  /** "About to breach": the budget burns faster than the window allows over the last days. */
  burnRate: { id: "availability.burn"; lookbackDays: number; fastBurnAbove: number; source: RuleSource };
  latency: { id: "latency.p95"; percentile: 95; limitMs: Record<EndpointClass, number>; source: RuleSource };
  /** Which class an endpoint path belongs to; the first match wins. Unmatched endpoints are not judged on latency. */
  endpointClasses: { pattern: RegExp; endpointClass: EndpointClass }[];
  endpointClassesSource: RuleSource;
  traffic: {
    id: "traffic.per-origin";
    minimumPerMinute: Record<EndpointClass, number>;
    windowSeconds: number;
    globalMinimumTps: number;
    globalStepTps: number;
    source: RuleSource;
  };
};

export const OPEN_FINANCE_RULES_2024: RegulatoryRules = {
  version: "open-finance-nfr-2024-03",
  daySeconds: 86_400,
  dailyAvailability: {
    id: "availability.daily",
    minimumBasisPoints: 9_500,
    source: { ...MANUAL_V5, note: "at least 95% of each 24 hours, per API" },
  },
  windowAvailability: {
    id: "availability.window",
    minimumBasisPoints: 9_950,
    windowDays: 90,
    source: { ...MANUAL_V5, note: "at least 99.5% over 3 months, read as a 90-day moving window" },
  },
  scheduledOutageCounts: {
    value: true,
    source: {
      ...MANUAL_V5,
      note: "the admin API reports scheduledOutage apart from partialDowntime; counted as downtime (the conservative reading)",
    },
  },
  burnRate: {
    id: "availability.burn",
    lookbackDays: 7,
    fastBurnAbove: 1,
    source: { document: "Opus operations", section: "error-budget policy", note: "a burn rate above 1 exhausts the window's budget" },
  },
  latency: {
    id: "latency.p95",
    percentile: 95,
    limitMs: { HIGH: 1_500, MEDIUM_HIGH: 1_500, MEDIUM: 2_000, LOW: 4_000 },
    source: { ...MANUAL_V5, note: "95th percentile of response time per endpoint, by frequency class; at most the limit" },
  },
  endpointClasses: [
    { pattern: /\/consents\/v\d+\/consents(\/|$)/, endpointClass: "HIGH" },
    { pattern: /\/payments\/v\d+\/(pix|consents)(\/|$)/, endpointClass: "HIGH" },
    { pattern: /\/automatic-payments\/v\d+\//, endpointClass: "HIGH" },
    { pattern: /\/accounts\/v\d+\/accounts\/[^/]+\/(balances|transactions-current)$/, endpointClass: "MEDIUM_HIGH" },
    { pattern: /\/resources\/v\d+\/resources$/, endpointClass: "MEDIUM_HIGH" },
    { pattern: /\/credit-cards-accounts\/v\d+\/accounts\/[^/]+\/(transactions-current|limits)$/, endpointClass: "MEDIUM_HIGH" },
    {
      pattern: /\/(accounts|credit-cards-accounts|loans|financings|unarranged-accounts-overdraft|invoice-financings)\/v\d+\//,
      endpointClass: "MEDIUM",
    },
    { pattern: /\/customers\/v\d+\//, endpointClass: "LOW" },
    { pattern: /\/(products-services|channels|opendata-[a-z-]+)\/v\d+\//, endpointClass: "LOW" },
    { pattern: /\/(admin|discovery)\/v\d+\//, endpointClass: "LOW" },
  ],
  endpointClassesSource: {
    ...MANUAL_V5,
    note: "frequency bands of the manual, mapped to endpoint paths by Opus; check a new family against the manual before adding it",
  },
  traffic: {
    id: "traffic.per-origin",
    minimumPerMinute: { HIGH: 2_000, MEDIUM_HIGH: 1_500, MEDIUM: 1_000, LOW: 500 },
    windowSeconds: 60,
    globalMinimumTps: 300,
    globalStepTps: 150,
    source: { ...MANUAL_V5, note: "5.1 Limites de tráfego: per-origin minimums in fixed one-minute windows; global capacity" },
  },
};

/** The rules in force. A regulation change adds a version and points this at it. */
export const CURRENT_RULES = OPEN_FINANCE_RULES_2024;
