// The message queue behind an abstraction: the platform has run on SQS/SNS, Pub/Sub, Kafka and
// RabbitMQ. A backend turns the platform's topology (queue-topology.ts) into its broker's objects
// and returns how the tenant connects. Only RabbitMQ exists today (rabbitmq-queue.ts); adding a
// kind to the spec's `queue.kind` makes `QUEUE_BACKENDS` in tenant-queue.ts fail to compile
// until its backend is written.
import type * as pulumi from "@pulumi/pulumi";
import type { TenantProgramSpec } from "./program-spec.ts";
import type { QueueTopology } from "./queue-topology.ts";

export type QueueServer = TenantProgramSpec["queue"];

export type QueueProvisionArgs = {
  server: QueueServer;
  /** The tenant's isolated space on the broker (a RabbitMQ vhost, a topic prefix…). */
  isolation: string;
  username: string;
  topology: QueueTopology;
  /** One user per module that connects to the queue, limited to what that module does. */
  modules?: { module: string; username: string }[];
};

export type QueueCredentials = {
  username: pulumi.Output<string>;
  /** Secret. */
  password: pulumi.Output<string>;
  /** Secret: connection URL with credentials, as the platform's clients take it. */
  url: pulumi.Output<string>;
};

export type QueueConnection = {
  isolation: pulumi.Output<string>;
  username: pulumi.Output<string>;
  /** Secret. */
  password: pulumi.Output<string>;
  /** Secret: connection URL with credentials, as the platform's clients take it. */
  url: pulumi.Output<string>;
  /** Per module name: its own user. */
  modules: Record<string, QueueCredentials>;
};

export type QueueBackend = {
  /** Creates the tenant's objects as children of `parent`, names derived from `name`. */
  provision(name: string, args: QueueProvisionArgs, parent: pulumi.Resource): QueueConnection;
};
