import type { Diagnostic } from "../diagnostics.js";
import { pascal, uniqueName } from "./identifiers.js";
import { kebab } from "./name-operations.js";
import type { BuilderApi, FlatResource, NamedOperation } from "./named-api.js";

/** Members of the runtime's ClientCore and of resource classes: no resource or method may take these. */
export const CLIENT_MEMBERS = new Set([
  "constructor", "request", "requestPage", "baseURL", "options", "spec", "credentials", "clientParams", "logger", "logLevel",
  "timeout", "maxRetries", "fetch", "defaultHeaders", "defaultQuery", "withOptions", "_client", "client", "then",
]);

/** Places each operation in the resource tree and makes every class, property and method name unique. */
/** Runtime names that resource files and index.ts import beside the resource classes. */
const RESOURCE_FILE_IMPORTS = ["APIResource", "RequestOptions", "APIPromise", "PagePromise"];

export function buildFlatTree(rootClass: string, operations: NamedOperation[], warnings: Diagnostic[], reserved: readonly string[] = []): FlatResource {
  const root: FlatResource = { property: "", className: rootClass, path: [], file: "", operations: [], children: [] };
  const classNames = new Set([rootClass, ...RESOURCE_FILE_IMPORTS, ...reserved]);
  const nodeFor = (path: string[]): FlatResource => {
    let node = root;
    for (let depth = 0; depth < path.length; depth++) {
      const property = path[depth]!;
      // Matched by path segment: the property itself may have been renamed (`options` → `optionsResource`).
      let child = node.children.find((c) => c.path[depth] === property);
      if (!child) {
        const wanted = pascal(path.slice(0, depth + 1).join(" ")) || "Resource";
        const className = uniqueName(CLIENT_MEMBERS.has(wanted) ? `${wanted}Resource` : wanted, classNames);
        classNames.add(className);
        const prop = CLIENT_MEMBERS.has(property) ? `${property}Resource` : property;
        child = { property: prop, className, path: path.slice(0, depth + 1), file: `resources/${path.slice(0, depth + 1).map(kebab).join("/")}`, operations: [], children: [] };
        node.children.push(child);
      }
      node = child;
    }
    return node;
  };
  for (const named of operations) nodeFor(named.flat.resource).operations.push(named);
  dedupeMethods(root, warnings);
  return root;
}

function dedupeMethods(node: FlatResource, warnings: Diagnostic[], properties: string[] = []): void {
  const taken = new Set([...CLIENT_MEMBERS, ...node.children.map((c) => c.property)]);
  for (const named of node.operations) {
    const wanted = named.flat.method;
    // A verb taken by a sibling falls back to the operation's own name before getting a number.
    const method = !taken.has(wanted) ? wanted : !taken.has(named.fn) ? named.fn : uniqueName(named.fn, taken);
    if (method !== wanted && taken.has(wanted) && !CLIENT_MEMBERS.has(wanted) && method !== named.fn) {
      warnings.push({
        severity: "warning",
        rule: "name-clash",
        message: `${named.op.method.toUpperCase()} ${named.op.path}: method '${[...named.flat.resource, wanted].join(".")}' is taken; using '${method}'`,
        hint: `choose a name in clientgen.yaml under operations.${JSON.stringify(named.op.key)}.method`,
      });
    }
    named.flat = { resource: node.path, method, properties };
    taken.add(method);
  }
  for (const child of node.children) dedupeMethods(child, warnings, [...properties, child.property]);
}

/** Groups operations into builder API classes, with unique method names inside each. */
export function buildApis(operations: NamedOperation[], reserved: ReadonlySet<string>): BuilderApi[] {
  const apis = new Map<string, BuilderApi>();
  const classNames = new Set(reserved);
  for (const named of operations) {
    let api = apis.get(named.builder.api);
    if (!api) {
      const className = uniqueName(named.builder.api, classNames);
      classNames.add(className);
      api = { className, file: `apis/${kebab(className)}`, operations: [] };
      apis.set(named.builder.api, api);
    }
    named.builder = { ...named.builder, api: api.className };
    api.operations.push(named);
  }
  return [...apis.values()];
}
