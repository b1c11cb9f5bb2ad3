// pg 8.19 deprecates, and pg 9 removes, sending a query on a client that is still running one. Our
// own code never does, but Prisma's query interpreter starts the sibling reads of one transaction
// together (a create with nested includes, say) on the transaction's single connection. This
// client queues such calls itself, in call order — what pg's internal queue did — so the database
// sees exactly the same statements in the same order and pg never has to.
import pg from "pg";

type Query = (...args: unknown[]) => unknown;

export class SerialClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const direct = (pg.Client.prototype.query as Query).bind(this);
    let tail: Promise<unknown> = Promise.resolve();
    const serial: Query = (...args) => {
      const first = args[0] as { submit?: unknown } | undefined;
      // Callback and Submittable (cursor, stream) forms are pg's own flow control: passed through.
      if (typeof args[args.length - 1] === "function" || typeof first?.submit === "function") return direct(...args);
      const run = tail.then(() => direct(...args));
      tail = run.catch(() => undefined);
      return run;
    };
    this.query = serial as pg.Client["query"];
  }
}
