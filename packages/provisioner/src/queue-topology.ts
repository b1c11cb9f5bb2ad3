// The exchanges and queues the platform's modules publish to and consume from, as data, so every
// backend builds the same layout and the Helm values can tell the modules their names.
export type ExchangeSpec = { name: string; type: "topic" | "fanout" | "direct" };
export type QueueSpec = {
  name: string;
  binding: { exchange: string; routingKey: string };
  /** Where rejected or expired messages go, instead of being dropped. */
  deadLetterExchange?: string;
};
export type QueueTopology = { exchanges: ExchangeSpec[]; queues: QueueSpec[] };

export const EVENTS_EXCHANGE = "opus.events";
export const DEAD_LETTER_EXCHANGE = "opus.dlx";
export const DEAD_LETTER_QUEUE = "opus.dead-letter";

export const PLATFORM_QUEUE_TOPOLOGY: QueueTopology = {
  exchanges: [
    // Modules publish domain events by routing key ("consent.authorised", "payment.settled"…).
    { name: EVENTS_EXCHANGE, type: "topic" },
    { name: DEAD_LETTER_EXCHANGE, type: "topic" },
  ],
  queues: [
    {
      name: "consent.events",
      binding: { exchange: EVENTS_EXCHANGE, routingKey: "consent.#" },
      deadLetterExchange: DEAD_LETTER_EXCHANGE,
    },
    {
      name: "payment.events",
      binding: { exchange: EVENTS_EXCHANGE, routingKey: "payment.#" },
      deadLetterExchange: DEAD_LETTER_EXCHANGE,
    },
    {
      // Metrics collection (PCM) and the admin metrics API consume every call record.
      name: "metrics.events",
      binding: { exchange: EVENTS_EXCHANGE, routingKey: "metrics.#" },
      deadLetterExchange: DEAD_LETTER_EXCHANGE,
    },
    // Everything dead-lettered lands here for inspection and replay.
    { name: DEAD_LETTER_QUEUE, binding: { exchange: DEAD_LETTER_EXCHANGE, routingKey: "#" } },
  ],
};
