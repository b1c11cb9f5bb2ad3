// RabbitMQ implementation of QueueBackend: one vhost per tenant environment (RabbitMQ's unit of
// isolation), a user that can act only in that vhost, and the platform's topology inside it.
import * as pulumi from "@pulumi/pulumi";
import * as rabbitmq from "@pulumi/rabbitmq";
import * as random from "@pulumi/random";
import type { QueueBackend, QueueConnection, QueueProvisionArgs } from "./queue-backend.ts";
import { EVENTS_EXCHANGE } from "./queue-topology.ts";

const EVERYTHING = ".*";

export class RabbitMqQueue extends pulumi.ComponentResource {
  public readonly connection: QueueConnection;

  constructor(name: string, args: QueueProvisionArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("opus:tenant:RabbitMqQueue", name, {}, opts);
    const { server, topology } = args;

    // Talks to the management HTTP API (server.endpoint), not AMQP.
    const provider = new rabbitmq.Provider(
      `${name}-broker`,
      { endpoint: server.endpoint, username: server.adminUser, password: pulumi.secret(server.adminPassword) },
      { parent: this },
    );
    const inBroker = { parent: this, provider };

    const vhost = new rabbitmq.VHost(`${name}-vhost`, { name: args.isolation }, inBroker);

    // Creating a vhost grants nobody access to it, the admin included; without this the exchanges
    // and queues below are refused.
    const adminAccess = new rabbitmq.Permissions(
      `${name}-admin-permissions`,
      {
        user: server.adminUser,
        vhost: vhost.name,
        permissions: { configure: EVERYTHING, write: EVERYTHING, read: EVERYTHING },
      },
      inBroker,
    );

    const password = new random.RandomPassword(`${name}-password`, { length: 32, special: false }, { parent: this });
    // No tags: the tenant's user cannot log in to the management UI or see other vhosts.
    const user = new rabbitmq.User(`${name}-user`, { name: args.username, password: password.result, tags: [] }, inBroker);

    // Full rights inside its own vhost and none elsewhere: the vhost is the tenant boundary, and
    // the modules declare (idempotently) what they consume when they start.
    const userAccess = new rabbitmq.Permissions(
      `${name}-permissions`,
      {
        user: user.name,
        vhost: vhost.name,
        permissions: { configure: EVERYTHING, write: EVERYTHING, read: EVERYTHING },
      },
      inBroker,
    );

    const declared = { ...inBroker, dependsOn: [adminAccess] };
    const exchanges = new Map(
      topology.exchanges.map((exchange) => [
        exchange.name,
        new rabbitmq.Exchange(
          `${name}-exchange-${exchange.name}`,
          { name: exchange.name, vhost: vhost.name, settings: { type: exchange.type, durable: true, autoDelete: false } },
          declared,
        ),
      ]),
    );

    for (const queueSpec of topology.queues) {
      const queueArguments: Record<string, string> = {
        // Replicated, durable queues: a broker node restart must not lose consents or payments.
        "x-queue-type": "quorum",
      };
      if (queueSpec.deadLetterExchange) queueArguments["x-dead-letter-exchange"] = queueSpec.deadLetterExchange;

      const queue = new rabbitmq.Queue(
        `${name}-queue-${queueSpec.name}`,
        { name: queueSpec.name, vhost: vhost.name, settings: { durable: true, autoDelete: false, arguments: queueArguments } },
        declared,
      );
      const exchange = exchanges.get(queueSpec.binding.exchange);
      if (!exchange) throw new Error(`Queue ${queueSpec.name} is bound to unknown exchange ${queueSpec.binding.exchange}`);
      new rabbitmq.Binding(
        `${name}-binding-${queueSpec.name}`,
        {
          vhost: vhost.name,
          source: exchange.name,
          destination: queue.name,
          destinationType: "queue",
          routingKey: queueSpec.binding.routingKey,
        },
        inBroker,
      );
    }

    // 5671 is AMQP over TLS (IANA); anything else is plain AMQP, typically inside a private network.
    const scheme = server.port === 5671 ? "amqps" : "amqp";
    const urlOf = (username: pulumi.Output<string>, secret: pulumi.Output<string>) =>
      pulumi
        .all([username, secret, vhost.name])
        .apply(
          ([u, p, vhostName]) =>
            `${scheme}://${encodeURIComponent(u)}:${encodeURIComponent(p)}@${server.host}:${server.port}/${encodeURIComponent(vhostName)}`,
        );
    const url = urlOf(user.name, password.result);

    const modules: QueueConnection["modules"] = {};
    for (const m of args.modules ?? []) {
      const base = `${name}-module-${m.module}`;
      const modulePassword = new random.RandomPassword(`${base}-password`, { length: 32, special: false }, { parent: this });
      const moduleUser = new rabbitmq.User(`${base}-user`, { name: m.username, password: modulePassword.result, tags: [] }, inBroker);
      const access = new rabbitmq.Permissions(
        `${base}-permissions`,
        { user: moduleUser.name, vhost: vhost.name, permissions: modulePermissions(m.module) },
        inBroker,
      );
      const username = pulumi.all([moduleUser.name, access.id]).apply(([u]) => u);
      modules[m.module] = { username, password: modulePassword.result, url: urlOf(moduleUser.name, modulePassword.result) };
    }

    this.connection = {
      isolation: vhost.name,
      // Resolves after the permissions exist, so nothing connects with a user that cannot act yet.
      username: pulumi.all([user.name, userAccess.id]).apply(([username]) => username),
      password: password.result,
      url,
      modules,
    };
    this.registerOutputs({ vhost: vhost.name, username: user.name });
  }
}

/**
 * A module's rights inside the vhost (RabbitMQ matches resource names against these patterns): it
 * declares, reads and writes only objects named "<module>.…" (the queues it consumes), publishes
 * to the events exchange and may bind its queues to it. Nothing of another module's, no deleting
 * the shared exchanges.
 */
export function modulePermissions(module: string) {
  const own = `${module}\\..*`; // module names are [a-z0-9-]: nothing to escape
  const events = EVENTS_EXCHANGE.replaceAll(".", "\\.");
  return { configure: `^${own}$`, write: `^(${own}|${events})$`, read: `^(${own}|${events})$` };
}

export const rabbitMqBackend: QueueBackend = {
  provision: (name, args, parent) => new RabbitMqQueue(`${name}-rabbitmq`, args, { parent }).connection,
};
