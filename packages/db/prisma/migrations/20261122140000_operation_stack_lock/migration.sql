-- At most one RUNNING operation per Pulumi stack, whatever the number of workers: the database,
-- not the claim query alone, is the last word on per-stack exclusion. Prisma's schema cannot
-- express a partial unique index, so it lives only here (see the comment on model Operation).
CREATE UNIQUE INDEX "operation_stackName_running_key" ON "operation"("stackName") WHERE "status" = 'RUNNING';
