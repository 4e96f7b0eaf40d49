import type { Diagnostic } from "../diagnostics.js";
import { pascal, uniqueName } from "./identifiers.js";
import { configKey, kebab } from "./name-operations.js";
import type { BuilderApi, FlatResource, NamedOperation } from "./named-api.js";
import { NameScope, operationHolder, renamed } from "./rename-warning.js";
import { RESERVED } from "./reserved-names.js";

/** The members a node's class already has: the client's (ClientCore's and `rootMembers`) at the root, APIResource's below. */
const membersAt = (depth: number, rootMembers: ReadonlySet<string>): ReadonlySet<string> =>
  depth === 0 ? rootMembers : RESERVED.resourceMembers;

/** Why a member name cannot be had: `then` would make the object a thenable, others would replace the class's own member. */
const overrides = (depth: number, name: string): string =>
  name === "then"
    ? `would make the ${depth === 0 ? "client" : "resource"} thenable`
    : `would override the ${depth === 0 ? "client's" : "resource's"} own member '${name}'`;

/**
 * Places each operation in the resource tree and makes every class, property and method name unique.
 * Class names come from `scope` (the names any generated file may import) and are added to it.
 */
export function buildFlatTree(
  rootClass: string,
  operations: NamedOperation[],
  scope: NameScope,
  warnings: Diagnostic[],
  extraRootMembers: readonly string[] = [],
): FlatResource {
  const rootMembers = new Set([...RESERVED.clientMembers, ...extraRootMembers]);
  const root: FlatResource = {
    property: "",
    className: rootClass,
    path: [],
    properties: [],
    file: "",
    operations: [],
    children: [],
  };
  const nodeFor = (named: NamedOperation): FlatResource => {
    const path = named.flat.resource;
    let node = root;
    for (let depth = 0; depth < path.length; depth++) {
      const segment = path[depth]!;
      // Matched by path segment: the property itself may have been renamed (`send` → `sendResource`).
      let child = node.children.find((c) => c.path[depth] === segment);
      if (!child) {
        const wantedClass = pascal(path.slice(0, depth + 1).join(" ")) || "Resource";
        const className = uniqueName(wantedClass, scope);
        scope.claim(className, operationHolder(named.op));
        if (className !== wantedClass)
          warnings.push(
            renamed({
              op: named.op,
              what: `resource class '${wantedClass}' is taken`,
              used: className,
              configKey: configKey(named.op, "resource"),
              holder: scope.holder(wantedClass),
            }),
          );
        const property = membersAt(depth, rootMembers).has(segment) ? `${segment}Resource` : segment;
        if (property !== segment) {
          const where = ["client", ...path.slice(0, depth + 1)].join(".");
          warnings.push(
            renamed({
              op: named.op,
              what: `resource '${where}' ${overrides(depth, segment)}`,
              used: property,
              configKey: configKey(named.op, "resource"),
            }),
          );
        }
        child = {
          property,
          className,
          path: path.slice(0, depth + 1),
          properties: [...node.properties, property],
          file: `resources/${path
            .slice(0, depth + 1)
            .map(kebab)
            .join("/")}`,
          operations: [],
          children: [],
        };
        node.children.push(child);
      }
      node = child;
    }
    return node;
  };
  for (const named of operations) nodeFor(named).operations.push(named);
  dedupeMethods(root, 0, warnings, rootMembers);
  return root;
}

function dedupeMethods(
  node: FlatResource,
  depth: number,
  warnings: Diagnostic[],
  rootMembers: ReadonlySet<string>,
): void {
  const members = membersAt(depth, rootMembers);
  const taken = new NameScope([...members, ...node.children.map((c) => c.property)]);
  for (const named of node.operations) {
    const wanted = named.flat.method;
    // A default verb taken by a sibling falls back to the operation's own name before getting a number.
    const method = !taken.has(wanted) ? wanted : !taken.has(named.fn) ? named.fn : uniqueName(named.fn, taken);
    // Falling back from a default verb to the function's name is the naming rule, not a rename.
    if (method !== wanted && (named.op.names.method !== undefined || method !== named.fn)) {
      const why = members.has(wanted) ? overrides(depth, wanted) : "is taken";
      warnings.push(
        renamed({
          op: named.op,
          what: `method '${[...named.flat.resource, wanted].join(".")}' ${why}`,
          used: method,
          configKey: configKey(named.op, "method"),
          holder: taken.holder(wanted),
        }),
      );
    }
    named.flat = { resource: node.path, properties: node.properties, method };
    taken.claim(method, operationHolder(named.op));
  }
  node.children.forEach((child) => dedupeMethods(child, depth + 1, warnings, rootMembers));
}

/** Groups operations into builder API classes, with unique method names inside each. */
export function buildApis(operations: NamedOperation[], scope: NameScope, warnings: Diagnostic[]): BuilderApi[] {
  const apis = new Map<string, BuilderApi>();
  for (const named of operations) {
    let api = apis.get(named.builder.api);
    if (!api) {
      const className = uniqueName(named.builder.api, scope);
      scope.claim(className, operationHolder(named.op));
      if (className !== named.builder.api)
        warnings.push(
          renamed({
            op: named.op,
            what: `API class '${named.builder.api}' is taken`,
            used: className,
            configKey: configKey(named.op, "api"),
            holder: scope.holder(named.builder.api),
          }),
        );
      api = { className, file: `apis/${kebab(className)}`, operations: [] };
      apis.set(named.builder.api, api);
    }
    // Functions are unique in the package, so methods are unique in their class; only the class's own members are off limits.
    const method = RESERVED.apiMembers.has(named.builder.method)
      ? `${named.builder.method}Operation`
      : named.builder.method;
    if (method !== named.builder.method) {
      const why =
        named.builder.method === "then"
          ? "would make the API object thenable"
          : "would override the API class's own member";
      warnings.push(
        renamed({
          op: named.op,
          what: `builder method '${named.builder.method}' ${why}`,
          used: method,
          configKey: configKey(named.op, "builderMethod"),
        }),
      );
    }
    named.builder = { ...named.builder, api: api.className, method };
    api.operations.push(named);
  }
  return [...apis.values()];
}
