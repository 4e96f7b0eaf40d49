import { type CallCode, wrappedLiteral } from "./wrapped-literal.js";

/**
 * A runtime export named inside an emitted spec: `formBody`, or a call such as `bearer("apiToken")`.
 * Generated files import only the ones they use, so bundles carry only the runtime code they need.
 */
export class RuntimeRef {
  constructor(
    readonly name: string,
    readonly args?: unknown[],
  ) {}
}

/**
 * A TypeScript expression for plain data that may hold RuntimeRefs (in args too), wrapped at 120
 * columns (see wrappedLiteral for `indent` and `used`). Calls are marked pure, so a bundler can drop
 * a spec, calls and all, when nothing uses its operation.
 */
export function codeLiteral(value: unknown, indent = "", used = 0): string {
  return wrappedLiteral(value, runtimeCall, indent, used);
}

const runtimeCall = (v: unknown): string | CallCode | undefined =>
  v instanceof RuntimeRef ? (v.args ? { callee: `/* @__PURE__ */ ${v.name}`, args: v.args } : v.name) : undefined;

/** The names of the runtime exports `value` refers to, sorted and without repeats. */
export function runtimeRefs(value: unknown): string[] {
  const names = new Set<string>();
  const walk = (v: unknown): void => {
    if (v instanceof RuntimeRef) {
      names.add(v.name);
      v.args?.forEach(walk);
    } else if (v !== null && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(value);
  return [...names].sort();
}
