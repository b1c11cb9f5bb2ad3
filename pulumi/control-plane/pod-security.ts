// Pod and container security settings that satisfy the "restricted" Pod Security Standard, which
// the control plane's namespace enforces: the control plane holds every tenant's cluster
// credentials, so its pods get the strictest profile.
import type * as k8s from "@pulumi/kubernetes";

type PodSecurityContext = k8s.types.input.core.v1.PodSecurityContext;
type SecurityContext = k8s.types.input.core.v1.SecurityContext;

/** The images run as the unprivileged `node` user (uid 1000) of the official Node.js images. */
export const RUN_AS_USER = 1000;

export const restrictedPod: PodSecurityContext = {
  runAsNonRoot: true,
  runAsUser: RUN_AS_USER,
  runAsGroup: RUN_AS_USER,
  fsGroup: RUN_AS_USER,
  seccompProfile: { type: "RuntimeDefault" },
};

/**
 * `writableRoot` is for processes that write beside their own files (Next.js' cache, Pulumi's
 * home with the plugins baked into the worker image); the others get a read-only root.
 */
export function restrictedContainer(options: { writableRoot?: boolean } = {}): SecurityContext {
  return {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: !options.writableRoot,
    capabilities: { drop: ["ALL"] },
    runAsNonRoot: true,
  };
}

/** With a read-only root filesystem, Node and Next.js still need somewhere to write temp files. */
export const scratchVolume = {
  volume: { name: "tmp", emptyDir: { sizeLimit: "256Mi" } },
  mount: { name: "tmp", mountPath: "/tmp" },
};
