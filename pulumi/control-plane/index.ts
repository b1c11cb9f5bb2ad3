// Entry point: `pulumi up` in this folder deploys the control plane described by this stack's
// `controlPlane` config object (see README.md).
import { readControlPlaneConfig } from "./config.ts";
import { ControlPlane } from "./control-plane.ts";

export default async () => {
  const controlPlane = new ControlPlane("opus", readControlPlaneConfig());
  return { namespace: controlPlane.namespace, url: controlPlane.url };
};
