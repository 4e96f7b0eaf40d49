import { checkJSON, convertJSON, convertText, describeSchema } from "./convert.js";
import type { Host } from "./host.js";
import type { Input, ParsedArgs } from "./parsed-args.js";
import { GLOBAL_OPTIONS } from "./reserved.js";
import { baseName, typeOfName } from "../runtime/uploads.js";
import type { CliField, CliOperation, CliParam, CliProgram, CliSchema } from "./program.js";
import { didYouMean, suggestion, UsageError } from "./usage-error.js";

type Target = { param: CliParam; field?: undefined } | { field: CliField; param?: undefined };

/**
 * The arguments of the operation function, after the client: path arguments in order, then the params
 * object (query, header and cookie parameters by key, the body's fields or `body`). Every value is
 * converted and checked first; any mistake is a UsageError, before anything is sent.
 */
export async function buildCall(
  program: CliProgram,
  op: CliOperation,
  parsed: ParsedArgs,
  host: Host,
): Promise<unknown[]> {
  const values = new Map<CliParam, unknown>();
  const fields: Record<string, unknown> = {};
  const targets = targetsOf(op);
  for (const input of parsed.inputs) {
    const target = find(targets, input, op, program);
    if (input.value === undefined) throw new UsageError(`--${input.name} needs a value`, op.command);
    const schema = target.param?.schema ?? target.field!.schema;
    const label = target.param?.name ?? target.field!.name;
    const before = target.param ? values.get(target.param) : fields[label];
    const value = await convert({ ...input, value: input.value }, label, schema, before, host, target.field);
    if (target.param) values.set(target.param, value);
    else fields[label] = value;
  }
  const body = await bodyOf(op, parsed, fields, host);
  checkRequired(program, op, values, body, parsed, host);
  const params: Record<string, unknown> = {};
  for (const [p, v] of values) if (p.in !== "path") params[p.key] = v;
  if (op.body && body !== undefined) {
    if (op.body.mode === "fields") Object.assign(params, body);
    else params.body = body;
  }
  const pathArgs = op.params.filter((p) => p.in === "path").map((p) => values.get(p));
  return op.takesParams ? [...pathArgs, params] : pathArgs;
}

/** Names a parameter answers to: its wire name and its key; body fields by name. Parameters win a tie. */
function targetsOf(op: CliOperation): Map<string, Target> {
  const targets = new Map<string, Target>();
  for (const param of op.params)
    for (const name of [param.name, param.key]) if (!targets.has(name)) targets.set(name, { param });
  for (const field of op.body?.fields ?? []) if (!targets.has(field.name)) targets.set(field.name, { field });
  return targets;
}

function find(targets: Map<string, Target>, { name, flag }: Input, op: CliOperation, program: CliProgram): Target {
  const exact = targets.get(name);
  if (exact) return exact;
  // Header names are case-insensitive on the wire, so they are here too.
  const header = op.params.find((p) => p.in === "header" && p.name.toLowerCase() === name.toLowerCase());
  if (header) return { param: header };
  const known = [...new Set([...op.params.map((p) => p.name), ...(op.body?.fields ?? []).map((f) => f.name)])];
  const list = known.length ? ` (it takes ${known.join(", ")})` : " (it takes no parameters)";
  if (flag) {
    const option = didYouMean(name, [...GLOBAL_OPTIONS, ...program.options.map((o) => o.flag)]);
    if (option && !didYouMean(name, known))
      throw new UsageError(`unknown option '--${name}'; did you mean '--${option}'?`, op.command);
  }
  throw new UsageError(`unknown parameter '${name}' for ${op.command}${suggestion(name, known) || list}`, op.command);
}

async function convert(
  input: Input & { value: string },
  label: string,
  schema: CliSchema,
  before: unknown,
  host: Host,
  field?: CliField,
): Promise<unknown> {
  if (input.json) return convertJSON(label, input.value, schema);
  // A file field: `file=@photo.png` sends the file as a part named photo.png, typed image/png.
  if (field && input.value.startsWith("@")) {
    if (schema.format === "binary") return readFileArg(input.value.slice(1), host);
    if (schema.type === "array" && schema.items?.format === "binary")
      return [...(Array.isArray(before) ? before : []), await readFileArg(input.value.slice(1), host)];
  }
  if (schema.type === "array") {
    const item = convertText(label, input.value, schema.items ?? { type: "string" });
    return [...(Array.isArray(before) ? before : []), item];
  }
  if (before !== undefined) throw new UsageError(`${label} is given twice`);
  return convertText(label, input.value, schema);
}

async function readFileArg(path: string, host: Host): Promise<File> {
  const bytes = (await host.readFile(path)) as Uint8Array<ArrayBuffer>;
  return new File([bytes], baseName(path), { type: typeOfName(path) });
}

/** The request body: `--data` (JSON, `@file` or `-` for stdin) with `key=value` fields over it; undefined when neither is given. */
async function bodyOf(
  op: CliOperation,
  parsed: ParsedArgs,
  fields: Record<string, unknown>,
  host: Host,
): Promise<unknown> {
  const body = op.body;
  if (parsed.data === undefined) return Object.keys(fields).length ? fields : undefined;
  if (!body) throw new UsageError(`${op.command} takes no request body, so --data does not apply`, op.command);
  const raw = await dataBytes(parsed.data, host);
  if (body.encoding === "binary") return new Blob([raw as Uint8Array<ArrayBuffer>]);
  const text = new TextDecoder().decode(raw);
  if (body.encoding === "text") return text;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--data: not valid JSON (${(err as Error).message})`, op.command);
  }
  const isObject = value !== null && typeof value === "object" && !Array.isArray(value);
  if (body.fields.length && !isObject)
    throw new UsageError(
      `--data: expected a JSON object (${body.type}), got ${JSON.stringify(value).slice(0, 80)}`,
      op.command,
    );
  if (!isObject) return value;
  for (const f of body.fields)
    if (f.name in (value as object)) checkJSON(f.name, (value as Record<string, unknown>)[f.name], f.schema);
  return { ...(value as object), ...fields };
}

/** `--data`'s bytes: the text itself, `@file`'s content, or stdin for `-`. */
export async function dataBytes(data: string, host: Host): Promise<Uint8Array> {
  if (data === "-") return host.readStdin();
  if (!data.startsWith("@")) return new TextEncoder().encode(data);
  try {
    return await host.readFile(data.slice(1));
  } catch (err) {
    throw new UsageError(`--data ${data}: cannot read the file (${(err as Error).message})`);
  }
}

/** Every missing required parameter and body field, named at once. */
function checkRequired(
  program: CliProgram,
  op: CliOperation,
  values: Map<CliParam, unknown>,
  body: unknown,
  parsed: ParsedArgs,
  host: Host,
): void {
  const missing: string[] = [];
  for (const p of op.params) {
    if (!p.required || values.has(p)) continue;
    const supplier = p.clientOption ? program.options.find((o) => o.option === p.clientOption) : undefined;
    if (supplier && (parsed.clientOptions[supplier.option] || (supplier.env && host.env[supplier.env]))) continue;
    const via = supplier ? `, or --${supplier.flag}${supplier.env ? ` or ${supplier.env}` : ""}` : "";
    missing.push(`${p.name} (${p.in}, ${describeSchema(p.schema)}${via})`);
  }
  if (op.body?.required && body === undefined && !op.body.fields.some((f) => f.required))
    missing.push(`the request body (${op.body.type}: --data '<json>', --data @file or --data -)`);
  if (op.body?.fields.length && (op.body.required || body !== undefined)) {
    const given = (body ?? {}) as Record<string, unknown>;
    for (const f of op.body.fields)
      if (f.required && given[f.name] === undefined) missing.push(`${f.name} (body, ${describeSchema(f.schema)})`);
  }
  if (missing.length)
    throw new UsageError(
      `missing required ${missing.length > 1 ? "parameters" : "parameter"}: ${missing.join("; ")}`,
      op.command,
    );
}
