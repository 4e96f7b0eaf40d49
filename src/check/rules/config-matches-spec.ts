import type { Diagnostic } from "../../diagnostics.js";
import type { Pointer } from "../../load/json-pointer.js";
import { eachOperation } from "../../load/each-operation.js";
import { deref } from "../../load/follow-ref.js";
import { isObject } from "../../load/json-helpers.js";
import type { Rule } from "../rule.js";
import { isIdentifier } from "../../ts-syntax.js";

/** What clientgen.yaml names (schemes, operations, parameters) exists in the spec. */
export const configMatchesSpec: Rule = ({ spec, config }) => {
  const doc = config.doc;
  if (!doc) return [];
  const out: Diagnostic[] = [];
  const fail = (at: Pointer, message: string, hint: string) =>
    out.push(doc.diagnostic(at, { severity: "error", rule: "config-mismatch", message, hint }));
  const components = isObject(spec.data.components) ? spec.data.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const added = config.config.securitySchemes;
  for (const name of Object.keys(added)) {
    if (Object.hasOwn(schemes, name))
      fail(
        ["securitySchemes", name],
        `scheme '${name}' is already defined in ${spec.root.file}`,
        `remove it here and refer to the spec's scheme from credentials, or give this one another name`,
      );
  }
  for (const [option, cred] of Object.entries(config.config.credentials)) {
    const scheme =
      deref(spec.data, schemes[cred.scheme]).value ??
      (Object.hasOwn(added, cred.scheme) ? added[cred.scheme] : undefined);
    const basic =
      scheme?.type === "basic" || (scheme?.type === "http" && String(scheme.scheme).toLowerCase() === "basic");
    // The halves a two-part credential of this scheme may be; none for a one-part scheme.
    const parts = basic
      ? ["username", "password"]
      : scheme?.type === "oauth2" && isObject(scheme.flows) && isObject(scheme.flows.clientCredentials)
        ? ["clientId", "clientSecret"]
        : [];
    if (!scheme) {
      const known = [...new Set([...Object.keys(schemes), ...Object.keys(added)])];
      fail(
        ["credentials", option, "scheme"],
        `credential '${option}' names scheme '${cred.scheme}', which neither ${spec.root.file} nor clientgen.yaml's securitySchemes define`,
        `defined schemes: ${known.join(", ") || "none: declare one under securitySchemes (type: bearer, apiKey or basic)"}`,
      );
    } else if (parts.length && !cred.part) {
      const kind = basic ? "basic scheme" : "OAuth2 client credentials scheme";
      fail(
        ["credentials", option],
        `credential '${option}' uses ${kind} '${cred.scheme}' and must say which half it is`,
        `add 'part: ${parts[0]}' or 'part: ${parts[1]}'`,
      );
    } else if (cred.part && !parts.includes(cred.part)) {
      fail(
        ["credentials", option, "part"],
        `credential '${option}' says 'part: ${cred.part}', which scheme '${cred.scheme}' does not have`,
        parts.length ? `its parts: ${parts.join(", ")}` : "remove 'part': the scheme takes one value",
      );
    }
  }
  const operations = operationIndex(spec.data);
  for (const [key, opConfig] of Object.entries(config.config.operations)) {
    const op = operations.get(key);
    if (!op) {
      fail(["operations", key], `operation '${key}' is not in ${spec.root.file}`, closest(key, [...operations.keys()]));
      continue;
    }
    if (opConfig.resource && !opConfig.resource.split(".").every((s) => isIdentifier(s))) {
      fail(
        ["operations", key, "resource"],
        `resource '${opConfig.resource}' must be dotted identifiers`,
        "write it like 'user.invites'",
      );
    }
    for (const wire of Object.keys(opConfig.parameters ?? {})) {
      if (!op.names.has(wire))
        fail(
          ["operations", key, "parameters", wire],
          `'${key}' has no parameter '${wire}'`,
          `its parameters: ${[...op.names].join(", ") || "none"}`,
        );
    }
    const pagination = opConfig.pagination;
    if (pagination && pagination !== "none") {
      const param =
        pagination.kind === "cursor"
          ? pagination.cursorParam
          : pagination.kind === "page"
            ? pagination.pageParam
            : pagination.kind === "offset"
              ? pagination.offsetParam
              : undefined;
      if (param && !op.query.has(param)) {
        fail(
          ["operations", key, "pagination"],
          `pagination uses query parameter '${param}', which '${key}' does not declare`,
          `its query parameters: ${[...op.query].join(", ") || "none"}`,
        );
      }
    }
  }
  const schemas = isObject(components.schemas) ? components.schemas : {};
  for (const name of Object.keys(config.config.schemas)) {
    if (!Object.hasOwn(schemas, name))
      fail(
        ["schemas", name],
        `schema '${name}' is not in ${spec.root.file}`,
        `keys are names under components.schemas; known: ${Object.keys(schemas).slice(0, 12).join(", ") || "none"}`,
      );
  }
  for (const [option, param] of Object.entries(config.config.clientParams)) {
    const used = [...operations.values()].some((op) => op.params.has(`${param.in}:${param.name}`));
    if (!used)
      fail(
        ["clientParams", option],
        `client parameter '${option}' (${param.in} '${param.name}') matches no operation's parameter`,
        "check 'in' and 'name' against the spec's parameters",
      );
  }
  return out;
};

export interface OpIndexEntry {
  /** The operation object as the spec writes it. */
  op: Record<string, unknown>;
  query: Set<string>;
  params: Set<string>;
  /** Wire names of every parameter. */
  names: Set<string>;
}

/** The spec's operations by the key clientgen.yaml uses for them: operationId, or `METHOD /path`. */
export function operationIndex(root: Record<string, unknown>): Map<string, OpIndexEntry> {
  const index = new Map<string, OpIndexEntry>();
  for (const { pathItem, operation, key } of eachOperation(root)) {
    const params = [pathItem.parameters, operation.parameters]
      .flatMap((l) => (Array.isArray(l) ? l : []))
      .map((p) => deref(root, p).value)
      .filter(isObject);
    const entry: OpIndexEntry = {
      op: operation,
      query: new Set(params.filter((p) => p.in === "query").map((p) => String(p.name))),
      params: new Set(params.map((p) => `${String(p.in)}:${String(p.name)}`)),
      names: new Set(params.map((p) => String(p.name))),
    };
    index.set(key, entry);
  }
  return index;
}

function closest(key: string, keys: string[]): string {
  const lower = key.toLowerCase();
  const near = keys.find(
    (k) => k.toLowerCase() === lower || k.toLowerCase().includes(lower) || lower.includes(k.toLowerCase()),
  );
  if (near) return `did you mean '${near}'?`;
  return `operations are keyed by operationId (or 'METHOD /path' when there is none); known: ${keys.slice(0, 6).join(", ")}${keys.length > 6 ? ", …" : ""}`;
}
