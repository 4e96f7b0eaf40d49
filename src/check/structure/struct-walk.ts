import { editDistance } from "../../did-you-mean.js";
import { isObject } from "../../load/json-helpers.js";
import { isRef, resolveLocalRef } from "../../load/follow-ref.js";
import {
  structTypes,
  SPEC_EXTENSION,
  type FieldType,
  type NodeType,
  type PropType,
  type ValueSchema,
} from "./struct-types.js";

/** One finding, in the words of Redocly's `struct` rule (struct-findings.ts reads them), with its place in the document. */
export interface StructProblem {
  pointer: string[];
  message: string;
  suggest: string[];
}

/** A place in the document, as a chain from the root: one small object per step instead of one array per node. */
interface Place {
  up: Place | undefined;
  key: string;
}

const pointerOf = (place: Place | undefined): string[] => {
  const out: string[] = [];
  for (let p = place; p; p = p.up) out.push(p.key);
  return out.reverse();
};

const placeKey = (place: Place | undefined): string => JSON.stringify(pointerOf(place));

const childOf = (place: Place | undefined, key: string | number): Place => ({ up: place, key: String(key) });

/**
 * Redocly's `struct` rule (what `redocly lint` validates a document's object model with), walked
 * over Redocly's own OpenAPI type tree, with the same findings in the same words and places. It
 * exists because `lintDocument` is general: a visitor engine, a Location object and a pointer
 * string per node, and a second walk to resolve every `$ref` first. On GitHub's 13 MB spec that
 * was 1.3 s of a 3.6 s generation; this walk makes no string for a node unless it reports on it.
 * test/check/structure/struct-walk.test.ts holds it to Redocly's own result, fixture by fixture and on
 * generated documents, so a Redocly upgrade that changes the rule is noticed.
 *
 * Keys are looked up as own properties only, so a field named `constructor` or `__proto__` is a
 * field like any other (Redocly's plain lookups find Object.prototype's members instead).
 */
export function structProblems(data: Record<string, unknown>): StructProblem[] {
  const problems: StructProblem[] = [];
  const seenPerType = new Map<string, Set<unknown>>();
  // Places whose later visits skip the rule (Redocly's ignoreNextVisitorsOnNode); empty unless a type was wrong.
  // Looked up by node first, so that the place (a string) is only made for a node that was judged before.
  const ignored = new Map<unknown, string[]>();
  const resolved = new Map<string, { node: unknown; at: Place | undefined } | undefined>();
  const resolve = (ref: string): { node: unknown; at: Place | undefined } | undefined => {
    if (resolved.has(ref)) return resolved.get(ref);
    const found = resolveLocalRef(data, ref);
    const target = found && { node: found.node, at: found.place.reduce<Place | undefined>(childOf, undefined) };
    resolved.set(ref, target);
    return target;
  };
  const report = (place: Place | undefined, message: string, suggest: string[] = []) =>
    problems.push({ pointer: pointerOf(place), message, suggest });

  const walk = (node: unknown, type: NodeType, place: Place | undefined, key: string | number | undefined): void => {
    let target = node;
    let at = place;
    const ref = isRef(node);
    if (ref) {
      const found = resolve(node.$ref);
      if (!found) return;
      target = found.node;
      at = found.at;
    }
    if (target === undefined || type.name === "scalar") return;
    let seen = seenPerType.get(type.name);
    if (!seen) seenPerType.set(type.name, (seen = new Set()));
    if (seen.has(target)) return;
    seen.add(target);
    const judged = ignored.size > 0 ? ignored.get(target) : undefined;
    if (!judged?.includes(placeKey(at)) && !checkNode(target, type, at, key)) {
      if (judged) judged.push(placeKey(at));
      else ignored.set(target, [placeKey(at)]);
    }
    if (Array.isArray(target)) {
      const items = type.items;
      if (items === undefined) return;
      for (let i = 0; i < target.length; i++) {
        const itemType =
          typeof items === "function" ? items(target[i], `#/${pointerOf(childOf(at, i)).join("/")}`) : items;
        if (isNamedType(itemType)) walk(target[i], itemType, childOf(at, i), i);
      }
      return;
    }
    if (!isObject(target)) return;
    // Redocly's order: the type's own fields in the type's order, then the node's other fields it walks, then
    // fields beside a `$ref`. Found from the node's keys (a few) rather than the type's (forty for a schema).
    const order = fieldOrder(type);
    const extra = type.additionalProperties ? "all" : type.extensionsPrefix;
    const known: string[] = [];
    const extras: string[] = [];
    for (const name of Object.keys(target)) {
      if (order.has(name)) {
        if (target[name] !== undefined) known.push(name);
      } else if (extra && (extra === "all" || name.startsWith(extra))) extras.push(name);
    }
    if (ref) {
      for (const name of Object.keys(node as object)) {
        if (order.has(name) && target[name] === undefined && (node as Record<string, unknown>)[name] !== undefined)
          known.push(name);
      }
    }
    if (known.length > 1) known.sort((a, b) => order.get(a)! - order.get(b)!);
    for (const name of known) walkField(node, target, type, name, place, at, ref);
    for (const name of extras) walkField(node, target, type, name, place, at, ref);
    if (ref) {
      for (const name of Object.keys(node as object)) {
        if (name === "$ref" || order.has(name)) continue;
        if (extra && Object.hasOwn(target, name) && (extra === "all" || name.startsWith(extra))) continue;
        walkField(node, target, type, name, place, at, ref);
      }
    }
  };

  const walkField = (
    node: unknown,
    target: Record<string, unknown>,
    type: NodeType,
    name: string,
    place: Place | undefined,
    at: Place | undefined,
    ref: boolean,
  ): void => {
    let value: unknown = target[name];
    let from = at;
    if (value === undefined && ref) {
      // Fields beside a `$ref` belong where the reference is written, not where it points.
      value = (node as Record<string, unknown>)[name];
      from = place;
    }
    let propType = fieldType(type, name, value);
    if (propType === undefined && type.extensionsPrefix && name.startsWith(type.extensionsPrefix))
      propType = SPEC_EXTENSION;
    if (!isNamedType(propType) && isObject(propType) && (propType as ValueSchema).directResolveAs) {
      propType = (propType as ValueSchema).directResolveAs;
      value = { $ref: value };
    }
    if (isNamedType(propType)) walk(value, propType, childOf(from, name), name);
  };

  /** The rule itself on one node; false when its shape is wrong, so the walk leaves the rest of it alone. */
  const checkNode = (
    node: unknown,
    type: NodeType,
    at: Place | undefined,
    key: string | number | undefined,
  ): boolean => {
    const got = oasTypeOf(node);
    if (type.items) {
      if (got === "array") return true;
      report(at, `Expected type \`${type.name}\` (array) but got \`${got}\``);
      return false;
    }
    if (got !== "object") {
      if (type !== SPEC_EXTENSION) report(at, `Expected type \`${type.name}\` (object) but got \`${got}\``);
      return false;
    }
    const obj = node as Record<string, unknown>;
    const required = typeof type.required === "function" ? type.required(obj, key) : type.required;
    for (const name of required ?? [])
      if (!Object.hasOwn(obj, name)) report(at, `The field \`${name}\` must be present on this level.`);
    const allowed = type.allowed?.(obj);
    if (allowed) {
      for (const name of Object.keys(obj)) {
        if (
          allowed.includes(name) ||
          (type.extensionsPrefix && name.startsWith(type.extensionsPrefix)) ||
          !Object.hasOwn(type.properties, name)
        )
          continue;
        report(childOf(at, name), `The field \`${name}\` is not allowed here.`);
      }
    }
    if (type.requiredOneOf && !type.requiredOneOf.some((name) => Object.hasOwn(obj, name))) {
      report(at, `Must contain at least one of the following fields: ${type.requiredOneOf.join(", ")}.`);
    }
    let shapeOk = true;
    for (const name of Object.keys(obj)) {
      let value = obj[name];
      const schema = fieldType(type, name, value);
      if (isNamedType(schema)) continue; // checked when the walk gets there
      if (schema === undefined) {
        if (!name.startsWith("x-"))
          report(
            childOf(at, name),
            `Property \`${name}\` is not expected here.`,
            suggestions(name, Object.keys(type.properties)),
          );
        continue;
      }
      if (schema === null || typeof schema !== "object") continue;
      // A wrong type is named as written, before a `$ref` is followed (Redocly's words).
      const written = oasTypeOf(value);
      if (schema.resolvable !== false && isRef(value)) value = resolve(value.$ref)?.node;
      shapeOk = checkValue(schema, value, written, name, obj, at) && shapeOk;
    }
    return shapeOk;
  };

  /** A field whose OpenAPI type is a plain value (a string, a closed set, a list of strings). */
  const checkValue = (
    schema: ValueSchema,
    value: unknown,
    written: string,
    name: string,
    obj: Record<string, unknown>,
    at: Place | undefined,
  ): boolean => {
    let ok = true;
    const here = childOf(at, name);
    if (schema.items?.enum && Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) checkEnum(schema.items.enum, value[i], name, childOf(here, i));
    }
    if (schema.enum) {
      checkEnum(schema.enum, value, name, here);
    } else if (schema.type && !matchesType(value, schema.type)) {
      report(here, `Expected type \`${schema.type}\` but got \`${written}\`.`);
      ok = false;
    } else if (Array.isArray(value) && schema.items?.type) {
      const itemType = schema.items.type;
      for (let i = 0; i < value.length; i++) {
        if (!matchesType(value[i], itemType))
          report(childOf(here, i), `Expected type \`${itemType}\` but got \`${oasTypeOf(value[i])}\`.`);
      }
    }
    if (typeof schema.minimum === "number" && schema.minimum > (obj[name] as number)) {
      report(here, `The value of the ${name} field must be greater than or equal to ${schema.minimum}`);
    }
    if (name === "nullable" && !obj.type)
      report(here, "The `type` field must be defined when the `nullable` field is used.");
    return ok;
  };

  const checkEnum = (allowed: readonly unknown[], value: unknown, name: string, here: Place): void => {
    if (allowed.includes(value)) return;
    report(
      here,
      `\`${name}\` can be one of the following only: ${allowed.map((v) => `"${String(v)}"`).join(", ")}.`,
      suggestions(value, allowed),
    );
  };

  walk(data, structTypes(data).Root, undefined, "");
  return problems;
}

/** Memo of fieldOrder, keyed by the type object, its whole input: Redocly's types are not changed once loaded. */
const orders = new WeakMap<NodeType, Map<string, number>>();

/** The type tree's field names with their places in its order, once per type. */
function fieldOrder(type: NodeType): Map<string, number> {
  let order = orders.get(type);
  if (!order) orders.set(type, (order = new Map(Object.keys(type.properties).map((name, i) => [name, i]))));
  return order;
}

/** What the type tree says a field holds: a named type (walked), a value schema (checked here), null (anything), or nothing known. */
function fieldType(type: NodeType, name: string, value: unknown): PropType {
  let t = (Object.hasOwn(type.properties, name) ? type.properties[name] : undefined) as FieldType;
  if (t === undefined) t = type.additionalProperties as FieldType;
  return typeof t === "function" ? t(value, name) : t;
}

const isNamedType = (t: unknown): t is NodeType => isObject(t) && typeof t.name === "string";

function oasTypeOf(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  if (Number.isInteger(value)) return "integer";
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case "array":
      return Array.isArray(value);
    case "object":
      return isObject(value);
    case "null":
      return value === null;
    case "integer":
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

/** Close variants first (edit distance under 4); every variant for a null value, none for a non-string. */
function suggestions(given: unknown, variants: readonly unknown[]): string[] {
  if (given === null) return variants.map(String);
  if (typeof given !== "string") return [];
  return variants
    .map((variant) => ({ variant: String(variant), distance: editDistance(given, String(variant)) }))
    .filter((v) => v.distance < 4)
    .sort((a, b) => a.distance - b.distance)
    .map((v) => v.variant);
}
