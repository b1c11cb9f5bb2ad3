-- A person's request without an idempotency key is keyed by the server ('pending:<uuid>'): among
-- those, at most one QUEUED or RUNNING operation per stack and kind, so a double click or a retried
-- request never queues a second run. The insert uses ON CONFLICT DO NOTHING and then returns the
-- pending one (apps/api/src/domain/environments/enqueue-operation.ts). Prisma's schema cannot
-- express a partial unique index, so it lives only here (see the comment on model Operation).
CREATE UNIQUE INDEX "operation_stackName_kind_one_pending_key" ON "operation"("stackName", "kind")
  WHERE "status" IN ('QUEUED', 'RUNNING') AND "idempotencyKey" LIKE 'pending:%';
