// Runs Pulumi programs in-process against mocks that answer like the real providers would:
// Kubernetes objects get a uid and resourceVersion, Helm releases a deployed status, random
// passwords a (recognisable) value, so the program's outputs resolve as they would in an `up`.
import * as pulumi from "@pulumi/pulumi";

export type RecordedResource = {
  type: string;
  name: string;
  /** Inputs as the provider would receive them; secrets still wrapped (see isSecretValue). */
  inputs: Record<string, unknown>;
  custom: boolean;
  provider: string | undefined;
};

/** The value every mocked RandomPassword returns: distinct per resource and easy to search for. */
export function mockPassword(resourceName: string): string {
  return `MockGenerated${resourceName.replace(/[^A-Za-z0-9]/g, "")}Pw`;
}

let counter = 0;

function mockState(args: pulumi.runtime.MockResourceArgs): Record<string, unknown> {
  const inputs = args.inputs as Record<string, unknown>;
  if (args.type === "random:index/randomPassword:RandomPassword") {
    return { ...inputs, result: mockPassword(args.name), bcryptHash: "$2a$10$mock" };
  }
  if (args.type === "kubernetes:helm.sh/v3:Release") {
    return {
      ...inputs,
      status: {
        name: inputs.name,
        namespace: inputs.namespace,
        chart: inputs.chart,
        version: inputs.version,
        revision: 1,
        status: "deployed",
      },
    };
  }
  if (args.type.startsWith("kubernetes:") && !args.type.startsWith("pulumi:providers")) {
    const metadata = (inputs.metadata ?? {}) as Record<string, unknown>;
    counter += 1;
    return {
      ...inputs,
      metadata: {
        ...metadata,
        // The provider auto-names objects without a name; the program is expected to name its own.
        name: metadata.name ?? `${args.name}-${counter.toString(16).padStart(8, "0")}`,
        uid: `00000000-0000-4000-8000-${counter.toString(16).padStart(12, "0")}`,
        resourceVersion: String(counter),
        creationTimestamp: "2026-01-01T00:00:00Z",
      },
      ...(args.type === "kubernetes:core/v1:Namespace" ? { status: { phase: "Active" } } : {}),
    };
  }
  return inputs;
}

function mockId(args: pulumi.runtime.MockResourceArgs): string {
  const inputs = args.inputs as Record<string, unknown>;
  // Providers identify most of these objects by their name; a few by a composite key.
  if (args.type === "rabbitmq:index/permissions:Permissions") return `${inputs.user}@${inputs.vhost}`;
  if (typeof inputs.name === "string") return inputs.name;
  return `${args.name}-id`;
}

export type ProgramRun<T> = {
  resources: RecordedResource[];
  outputs: T;
  /** URNs of everything registered, for checks on the parent chain. */
  urns: string[];
};

/**
 * Sets the mocks for a fresh stack, runs `program` and waits until every resource registration
 * has reached the mocks (not only those the outputs depend on).
 */
export async function runWithMocks<T>(
  stack: string,
  program: () => Promise<T>,
  options: { project?: string; preview?: boolean } = {},
): Promise<ProgramRun<T>> {
  const resources: RecordedResource[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        resources.push({
          type: args.type,
          name: args.name,
          inputs: args.inputs as Record<string, unknown>,
          custom: args.custom ?? true,
          provider: args.provider,
        });
        return { id: mockId(args), state: mockState(args) };
      },
      call: (args) => args.inputs,
    },
    options.project ?? "opus-tenant",
    stack,
    options.preview ?? false,
  );
  const outputs = await program();
  await settle(outputs);
  // The mock monitor keeps every URN it issued; URNs encode the parent type chain.
  const monitor = pulumi.runtime.getMonitor() as unknown as { getRegisteredResources(): Map<string, unknown> };
  const urns = [...monitor.getRegisteredResources().keys()];
  return { resources, outputs, urns };
}

/** Resolves an Output (or plain value) to its value. */
export function promiseOf<T>(output: pulumi.Input<T>): Promise<T> {
  return new Promise((resolve) => pulumi.output(output).apply((value) => resolve(value as T)));
}

/** Waits for the outputs, then for the SDK's queue of pending resource registrations to drain. */
async function settle(outputs: unknown): Promise<void> {
  if (outputs && typeof outputs === "object") {
    await Promise.all(Object.values(outputs).map((value) => promiseOf(value as pulumi.Input<unknown>)));
  }
  // Some registrations (network policies, RBAC) are not on any output's dependency path. The SDK
  // counts in-flight RPCs; poll until the registry stops growing across event-loop turns.
  const monitor = pulumi.runtime.getMonitor() as unknown as { getRegisteredResources(): Map<string, unknown> };
  let previous = -1;
  for (let stable = 0; stable < 5; ) {
    await new Promise((resolve) => setImmediate(resolve));
    const size = monitor.getRegisteredResources().size;
    stable = size === previous ? stable + 1 : 0;
    previous = size;
  }
}

// ── Secrets as they appear in provider inputs ──────────────────────────────────────────────────

type SecretWrapper = { [pulumi.runtime.specialSigKey]: string; value: unknown };

export function isSecretValue(value: unknown): value is SecretWrapper {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>)[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig
  );
}

/** The inputs with every secret replaced by "[secret]": what a state file or diff shows in plain text. */
export function withoutSecrets(value: unknown): unknown {
  if (isSecretValue(value)) return "[secret]";
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutSecrets(v)]));
  }
  return value;
}

/** The inputs with secrets unwrapped: what the provider (and the cluster) receives. */
export function revealSecrets(value: unknown): unknown {
  if (isSecretValue(value)) return revealSecrets(value.value);
  if (Array.isArray(value)) return value.map(revealSecrets);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revealSecrets(v)]));
  }
  return value;
}

export function containsSecret(value: unknown): boolean {
  if (isSecretValue(value)) return true;
  if (Array.isArray(value)) return value.some(containsSecret);
  if (value && typeof value === "object") return Object.values(value).some(containsSecret);
  return false;
}
