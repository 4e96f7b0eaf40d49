/**
 * `node --import tsx scripts/subset-spec.ts SPEC OUT operationId…`: a spec holding only the named
 * operations, the webhooks, and every component they reach through `$ref` (transitively), so a test can
 * generate a whole real API's slice from a fixture of a few hundred kB instead of the full spec
 * (OpenAI's is 3 MB). Everything else is kept as written: info, servers, security, every security
 * scheme. `x-oaiMeta` (OpenAI's doc-site examples, a third of each operation's text) is dropped; no
 * generator output reads it. Prints the operations, components and bytes kept.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parse, stringify } from "yaml";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const [specPath, outPath, ...operationIds] = process.argv.slice(2);
if (!specPath || !outPath || operationIds.length === 0) {
  console.error("usage: subset-spec.ts SPEC OUT operationId…");
  process.exit(2);
}

const spec = parse(readFileSync(specPath, "utf8"), { maxAliasCount: -1 }) as Obj;
const DROPPED_EXTENSIONS = new Set(["x-oaiMeta"]);
const isObj = (v: Json | undefined): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A copy of `value` without the dropped extensions. */
function prune(value: Json): Json {
  if (Array.isArray(value)) return value.map(prune);
  if (!isObj(value)) return value;
  const out: Obj = {};
  for (const [key, v] of Object.entries(value)) if (!DROPPED_EXTENSIONS.has(key)) out[key] = prune(v);
  return out;
}

/** Every local `$ref` inside `value`. */
function refsIn(value: Json, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, found);
  else if (isObj(value))
    for (const [key, v] of Object.entries(value)) {
      if (key === "$ref" && typeof v === "string" && v.startsWith("#/")) found.push(v);
      else refsIn(v, found);
    }
  return found;
}

const paths: Obj = {};
const wanted = new Set(operationIds);
for (const [path, item] of Object.entries(spec.paths as Obj)) {
  if (!isObj(item)) continue;
  const kept: Obj = {};
  for (const [key, op] of Object.entries(item)) {
    if (isObj(op) && typeof op.operationId === "string" && wanted.delete(op.operationId)) kept[key] = prune(op);
  }
  if (Object.keys(kept).length === 0) continue;
  // Path-level parameters travel with the operations that inherit them.
  if (item.parameters) kept.parameters = item.parameters;
  paths[path] = kept;
}
if (wanted.size) {
  console.error(`not in the spec: ${[...wanted].join(", ")}`);
  process.exit(1);
}
const webhooks = isObj(spec.webhooks) ? (prune(spec.webhooks) as Obj) : undefined;

// Components reached from the kept operations and webhooks, followed until nothing new turns up.
const source = spec.components as Obj;
const components: Record<string, Obj> = {};
const pending = refsIn([paths, webhooks ?? null]);
const seen = new Set<string>();
while (pending.length) {
  const ref = pending.pop()!;
  if (seen.has(ref)) continue;
  seen.add(ref);
  const [section, name, ...rest] = ref.slice(2).split("/");
  if (section !== "components" || !name || !rest.length) continue;
  const group = source[name];
  const key = rest[0]!.replaceAll("~1", "/").replaceAll("~0", "~");
  if (!isObj(group) || group[key] === undefined) throw new Error(`${ref} points at nothing`);
  components[name] ??= {};
  components[name][key] = prune(group[key]!);
  pending.push(...refsIn(group[key]!));
}
if (isObj(source.securitySchemes)) components.securitySchemes = source.securitySchemes;

// Components in the spec's own order, so a re-run gives the same bytes.
const ordered: Obj = {};
for (const [name, group] of Object.entries(source)) {
  const picked = components[name];
  if (!picked || !isObj(group)) continue;
  ordered[name] = Object.fromEntries(Object.keys(group).flatMap((k) => (k in picked ? [[k, picked[k]!]] : [])));
}

const { paths: _paths, webhooks: _webhooks, components: _components, ...top } = spec;
const out: Obj = { ...(prune(top) as Obj), paths, ...(webhooks ? { webhooks } : {}), components: ordered };
const text = stringify(out, { lineWidth: 0, aliasDuplicateObjects: false });
writeFileSync(outPath, text);
const count = Object.values(components).reduce((n, g) => n + Object.keys(g).length, 0);
console.log(`${outPath}: ${operationIds.length} operations, ${count} components, ${text.length} bytes`);
