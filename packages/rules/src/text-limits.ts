// How long each text input may be, written once: the API's schemas refuse longer input with a 400
// naming the field (so oversize input is never a slow query or a 500), and the console's fields
// stop accepting characters at the same length, so a person never types what the API will refuse.

export const TEXT_LIMITS = {
  /** Record ids (cuid) and the plan chosen in the wizard. */
  id: 64,
  /** A person's, plan's or invited institution's name. */
  name: 120,
  legalName: 200,
  tradeName: 120,
  brandName: 120,
  /** RFC 5321's longest forward path. */
  email: 254,
  passwordMin: 10,
  passwordMax: 128,
  reason: 1000,
  search: 100,
  planCodeMin: 2,
  planCodeMax: 40,
  phone: 40,
  certificatePem: 20_000,
  kubeconfigMin: 20,
  kubeconfigMax: 64_000,
  accountRef: 64,
  cloudRegion: 40,
  /** A Kubernetes cluster name is a DNS label. */
  clusterName: 63,
  clusterEndpoint: 255,
  /** A UUID in its text form. */
  uuid: 36,
  // A managed account's access (kubeconfig above): where the gateway, database and queue are.
  host: 253,
  namespace: 63,
  adminUser: 120,
  adminPassword: 500,
  cidr: 64,
  queueEndpoint: 255,
} as const;

/** At most this many brands (authorisation servers) per institution. */
export const MAX_BRANDS = 20;

/** The largest page any list returns. */
export const MAX_PAGE_SIZE = 100;
