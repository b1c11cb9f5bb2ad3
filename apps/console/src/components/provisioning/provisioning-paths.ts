/** The environment page (status, outputs, runs, operator actions). */
export function environmentPath(institutionId: string, environmentId: string): string {
  return `/institutions/${institutionId}/environments/${environmentId}`;
}

/** The run page (live status and log of one operation). */
export function runPath(institutionId: string, operationId: string): string {
  return `/institutions/${institutionId}/operations/${operationId}`;
}
