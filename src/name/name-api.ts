import type { ApiModel } from "../model/api-model.js";
import { GLOBAL_NAMES } from "./global-names.js";
import { pascal, uniqueName } from "./identifiers.js";
import { buildApis, buildFlatTree } from "./flat-resources.js";
import { nameCli } from "./name-cli.js";
import { nameClient, nameClientParams, nameCredentials } from "./name-client.js";
import { LOCAL_NAMES, nameOperations } from "./name-operations.js";
import type { NamedApi } from "./named-api.js";
import { nameDocPages } from "./name-docs.js";
import { NameScope, type NameWarning, renamed } from "./rename-warning.js";
import { RESERVED } from "./reserved-names.js";
import { WEBHOOKS_COMMAND } from "../runtime-cli/reserved.js";
import { nameWebhookTypes, nameWebhookVerify, WEBHOOKS_PROPERTY } from "./name-webhooks.js";

/** What openapi-typescript's types.ts exports: generated files import these by name. */
const TYPES_EXPORTS = ["paths", "components", "operations", "webhooks", "$defs"];
const schemaPointer = (name: string) => ["components", "schemas", name];

/**
 * The name stage: every identifier a generated file declares or imports, decided once. Names that
 * files share (runtime exports, client classes, schema aliases, operation functions, types and spec
 * constants, resource and API classes) come from one scope, so no file can import two things of one name.
 */
export function nameApi(model: ApiModel, provider: string, nameOverride?: string): NamedApi {
  const warnings: NameWarning[] = [];
  const client = nameClient(model, provider, nameOverride, warnings);
  const scope = new NameScope();
  for (const name of RESERVED.runtimeExports) scope.claim(name, { label: "the runtime" });
  const clientHolder = { label: "the client", pointer: ["info", "title"] };
  for (const name of [client.className, client.coreClassName, client.optionsType, client.errorClass, "clientSpec"])
    scope.claim(name, clientHolder);
  for (const name of TYPES_EXPORTS) scope.claim(name, { label: "types.ts" });
  const aliased = model.schemas.map((s) => {
    const wanted = s.alias ?? (pascal(s.name) || "Schema");
    const shadows = GLOBAL_NAMES.has(wanted);
    // An error schema named like a runtime error class describes that error's body.
    const alias = uniqueName(
      shadows || scope.has(wanted) ? `${wanted}${wanted.endsWith("Error") ? "Body" : "Model"}` : wanted,
      scope,
    );
    if (alias !== wanted) {
      const why = shadows
        ? "would shadow the global type"
        : RESERVED.runtimeExports.has(wanted)
          ? "is a runtime export"
          : "is taken";
      warnings.push(
        renamed({
          at: schemaPointer(s.name),
          what: `schema '${s.name}': alias '${wanted}' ${why}`,
          used: alias,
          configKey: `schemas.${JSON.stringify(s.name)}`,
          holder: shadows ? undefined : scope.holder(wanted),
        }),
      );
    }
    scope.claim(alias, { label: `schema '${s.name}'`, pointer: schemaPointer(s.name) });
    return { name: s.name, alias };
  });
  const clientParams = nameClientParams(model);
  const schemaAliases = new Map(aliased.map((s) => [s.name, s.alias]));
  const operations = nameOperations({ model, clientParams, scope, schemaAliases, warnings });
  const webhookTypes = nameWebhookTypes(model, scope, schemaAliases);
  // The flat client's `webhooks` property is a member like ClientCore's own: a resource of that name gives way.
  const rootMembers = model.webhookSignature ? [WEBHOOKS_PROPERTY] : [];
  const flat = buildFlatTree(client.className, operations, flatScope(model, aliased, scope), warnings, rootMembers);
  const apis = buildApis(operations, scope, warnings);
  const {
    pages: docPages,
    modelFiles,
    webhooksFile,
  } = nameDocPages(
    operations,
    aliased.map((s) => s.alias),
    !!webhookTypes,
  );
  const schemas = aliased.map((s, i) => ({ ...s, docFile: modelFiles[i]! }));
  const credentials = nameCredentials(model, client, warnings);
  const options = [...credentials, ...clientParams].map((o) => o.option);
  const verify = nameWebhookVerify(model, options, scope);
  // `<bin> webhooks verify` takes the secret as a flag like a credential's.
  const cliOptions = [...credentials, ...clientParams, ...(verify ? [{ option: verify.option }] : [])];
  const cli = nameCli(client, operations, cliOptions, warnings, verify ? [WEBHOOKS_COMMAND] : []);
  const webhooks = webhookTypes && { ...webhookTypes, docFile: webhooksFile!, ...(verify ? { verify } : {}) };
  return {
    model,
    client,
    credentials,
    clientParams,
    schemas,
    operations,
    docPages,
    flat,
    apis,
    cli,
    ...(webhooks ? { webhooks } : {}),
    locals: LOCAL_NAMES,
    warnings,
  };
}

/**
 * The names a resource class must not take: the shared scope without the schema aliases no resource
 * file can import (only path arguments bring an alias into one), so `/installation` keeps its class
 * `Installation` beside a schema of that name.
 */
function flatScope(model: ApiModel, schemas: { name: string; alias: string }[], scope: NameScope): NameScope {
  const pathRefs = new Set(
    model.operations.flatMap((op) => op.params.filter((p) => p.in === "path" && p.schema.ref).map((p) => p.schema.ref)),
  );
  const unreachable = new Set(schemas.filter((s) => !pathRefs.has(s.name)).map((s) => s.alias));
  return new NameScope(
    [...scope].filter((name) => !unreachable.has(name)),
    scope,
  );
}
