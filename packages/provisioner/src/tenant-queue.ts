// The tenant's messaging: picks the backend for the spec's queue kind and provisions through it.
import * as pulumi from "@pulumi/pulumi";
import type { QueueBackend, QueueCredentials, QueueServer } from "./queue-backend.ts";
import { PLATFORM_QUEUE_TOPOLOGY, type QueueTopology } from "./queue-topology.ts";
import { rabbitMqBackend } from "./rabbitmq-queue.ts";

/** One backend per queue kind the spec allows; a new kind fails to compile until it is added here. */
export const QUEUE_BACKENDS: Record<QueueServer["kind"], QueueBackend> = {
  rabbitmq: rabbitMqBackend,
};

export type TenantQueueArgs = {
  server: QueueServer;
  /** Isolation unit name (the RabbitMQ vhost). */
  isolation: string;
  username: string;
  topology?: QueueTopology;
  /** The release's modules that connect to the queue, each with its own user. */
  modules?: { module: string; username: string }[];
};

export class TenantQueue extends pulumi.ComponentResource {
  public readonly vhost: pulumi.Output<string>;
  public readonly username: pulumi.Output<string>;
  /** Secret. */
  public readonly password: pulumi.Output<string>;
  /** Secret. */
  public readonly url: pulumi.Output<string>;
  /** Per module name: its own user's credentials. */
  public readonly modules: Record<string, QueueCredentials>;

  constructor(name: string, args: TenantQueueArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("opus:tenant:Queue", name, {}, opts);
    const backend = QUEUE_BACKENDS[args.server.kind];
    const connection = backend.provision(
      name,
      {
        server: args.server,
        isolation: args.isolation,
        username: args.username,
        topology: args.topology ?? PLATFORM_QUEUE_TOPOLOGY,
        modules: args.modules ?? [],
      },
      this,
    );
    this.vhost = connection.isolation;
    this.username = connection.username;
    this.password = connection.password;
    this.url = connection.url;
    this.modules = connection.modules;
    this.registerOutputs({ vhost: this.vhost, username: this.username });
  }
}
