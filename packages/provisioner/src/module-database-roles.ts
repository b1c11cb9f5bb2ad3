// One least-privilege login role per platform module that connects to the database, as Opus'
// deployment guide has it (the consent module connects as its own role): the role may connect to
// the tenant's database only, owns one schema named after its module and nothing else, cannot
// create databases or roles, and has its own connection cap. A release that adds a module adds its
// entry here, so its role appears on the upgrade that brings it; one that drops a module drops it.
import * as postgresql from "@pulumi/postgresql";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";

export type ModuleRole = { module: string; role: string; schema: string };

export type ModuleDatabaseCredentials = { username: pulumi.Output<string>; password: pulumi.Output<string>; url: pulumi.Output<string> };

export type ModuleRolesArgs = {
  modules: ModuleRole[];
  database: pulumi.Output<string>;
  /** The connections each module may hold at most. */
  connectionLimit: number;
  urlOf: (user: string, password: string, database: string) => string;
};

export function createModuleRoles(
  name: string,
  args: ModuleRolesArgs,
  opts: { parent: pulumi.Resource; provider: postgresql.Provider },
): Record<string, ModuleDatabaseCredentials> {
  const credentials: Record<string, ModuleDatabaseCredentials> = {};
  for (const m of args.modules) {
    const base = `${name}-module-${m.module}`;
    const password = new random.RandomPassword(`${base}-password`, { length: 32, special: false }, { parent: opts.parent });
    const role = new postgresql.Role(
      `${base}-role`,
      {
        name: m.role,
        login: true,
        password: password.result,
        connectionLimit: args.connectionLimit,
        createDatabase: false,
        createRole: false,
        inherit: false,
        superuser: false,
        replication: false,
        bypassRowLevelSecurity: false,
      },
      opts,
    );
    // The tenant database revokes CONNECT from PUBLIC; each module gets it back for itself only.
    const connect = new postgresql.Grant(
      `${base}-connect`,
      { database: args.database, role: role.name, objectType: "database", privileges: ["CONNECT"] },
      opts,
    );
    const schema = new postgresql.Schema(
      `${base}-schema`,
      { name: m.schema, database: args.database, owner: role.name, ifNotExists: true, dropCascade: false },
      opts,
    );
    credentials[m.module] = {
      // Resolves once the role can connect and has its schema, so nothing starts with half its access.
      username: pulumi.all([role.name, connect.id, schema.id]).apply(([user]) => user),
      password: password.result,
      url: pulumi.all([role.name, password.result, args.database]).apply(([user, secret, db]) => args.urlOf(user, secret, db)),
    };
  }
  return credentials;
}
