// The tenant's own PostgreSQL database on a shared (usually managed) server: a login role with a
// generated password, and a database owned by that role. Other tenants' roles on the same server
// cannot connect to it.

import * as postgresql from "@pulumi/postgresql";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { createModuleRoles, type ModuleDatabaseCredentials, type ModuleRole } from "./module-database-roles.ts";
import type { TenantProgramSpec } from "./program-spec.ts";

export type DatabaseServer = TenantProgramSpec["database"];

export type TenantDatabaseArgs = {
  server: DatabaseServer;
  databaseName: string;
  roleName: string;
  /** Cap on the role's connections, from the plan, so one tenant cannot starve a shared server. */
  connectionLimit: number;
  /** The release's modules that connect: each gets its own role (module-database-roles.ts). */
  modules?: ModuleRole[];
};

export class TenantDatabase extends pulumi.ComponentResource {
  public readonly databaseName: pulumi.Output<string>;
  public readonly username: pulumi.Output<string>;
  /** Secret. */
  public readonly password: pulumi.Output<string>;
  /** Secret: a ready-to-use connection URL, password included. */
  public readonly url: pulumi.Output<string>;
  /** Per module name: its own role's credentials (password and URL secret). */
  public readonly modules: Record<string, ModuleDatabaseCredentials>;

  constructor(name: string, args: TenantDatabaseArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("opus:tenant:Database", name, {}, opts);
    const { server } = args;

    const provider = new postgresql.Provider(
      `${name}-server`,
      {
        host: server.host,
        port: server.port,
        username: server.adminUser,
        password: pulumi.secret(server.adminPassword),
        sslmode: server.sslMode,
        // Managed services (RDS, Cloud SQL, Azure) never hand out a superuser; telling the
        // provider so makes it use the grant-based paths that work there.
        superuser: false,
        // The platform requires PostgreSQL 14 or newer; the provider picks its SQL by version.
        expectedVersion: "14.0.0",
        connectTimeout: 15,
      },
      { parent: this },
    );

    // Alphanumeric only: the password ends up inside connection URLs, where some drivers still
    // mishandle escaped characters. 32 characters of [A-Za-z0-9] carry about 190 bits.
    const password = new random.RandomPassword(`${name}-password`, { length: 32, special: false }, { parent: this });

    const role = new postgresql.Role(
      `${name}-role`,
      {
        name: args.roleName,
        login: true,
        password: password.result,
        connectionLimit: args.connectionLimit,
        createDatabase: false,
        createRole: false,
      },
      { parent: this, provider },
    );

    const database = new postgresql.Database(
      `${name}-database`,
      {
        name: args.databaseName,
        owner: role.name,
        encoding: "UTF8",
        // template1 may carry another encoding or objects someone added; template0 is pristine.
        template: "template0",
      },
      { parent: this, provider },
    );

    // PostgreSQL grants CONNECT on every new database to PUBLIC, i.e. to every other tenant's role
    // on this server. An empty privilege list revokes it.
    new postgresql.Grant(
      `${name}-revoke-public-connect`,
      { database: database.name, role: "public", objectType: "database", privileges: [] },
      { parent: this, provider },
    );

    const urlOf = (user: string, secret: string, db: string) =>
      `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(secret)}@${server.host}:${server.port}/${encodeURIComponent(db)}?sslmode=${server.sslMode}`;
    const modules = args.modules ?? [];
    this.modules = createModuleRoles(
      name,
      {
        modules,
        database: database.name,
        // The plan's cap is the tenant's; its modules share it rather than each taking all of it.
        connectionLimit: Math.max(5, Math.floor(args.connectionLimit / Math.max(modules.length, 1))),
        urlOf,
      },
      { parent: this, provider },
    );

    this.databaseName = database.name;
    this.username = role.name;
    this.password = password.result;
    this.url = pulumi.all([role.name, password.result, database.name]).apply(([user, secret, db]) => urlOf(user, secret, db));

    this.registerOutputs({ databaseName: this.databaseName, username: this.username });
  }
}
