// Entry point: `pulumi up` in this folder runs the same tenant program as the control plane's
// worker, built from this stack's configuration. Pulumi calls the default export and publishes
// what it returns as stack outputs (credentials stay secret).
import { createTenantProgram } from "@opus/provisioner/tenant-program";
import { readTenantSpec } from "./config.ts";

export default async () => createTenantProgram(readTenantSpec())();
