import type { Diagnostic } from "../../diagnostics.js";
import { didYouMean } from "../../did-you-mean.js";
import { deref } from "../../load/follow-ref.js";
import { isObject, type Json } from "../../load/json-helpers.js";
import type { Pointer } from "../../load/json-pointer.js";
import { objectShape } from "../../load/object-shape.js";
import type { Rule } from "../rule.js";
import { operationIndex } from "./config-matches-spec.js";

const EVENT_STREAM = /^text\/event-stream\s*(;|$)/i;

/**
 * clientgen.yaml's `streaming` fits its operation: a JSON success the spec gives no event stream of its
 * own, a boolean body property that asks for the stream, and a component schema for the events. The
 * operation itself is checked by config-matches-spec (which names an unknown one).
 */
export const streamingConfig: Rule = ({ spec, config }) => {
  const doc = config.doc;
  if (!doc) return [];
  const out: Diagnostic[] = [];
  const root = spec.data;
  const operations = operationIndex(root);
  const components = isObject(root.components) ? root.components : {};
  const schemas = isObject(components.schemas) ? Object.keys(components.schemas) : [];
  for (const [key, opConfig] of Object.entries(config.config.operations)) {
    const streaming = opConfig.streaming;
    const op = operations.get(key)?.op;
    if (!streaming || !op) continue;
    const at: Pointer = ["operations", key, "streaming"];
    const fail = (pointer: Pointer, message: string, hint: string) =>
      out.push(doc.diagnostic(pointer, { severity: "error", rule: "config-mismatch", message, hint }));
    const offered = successMediaTypes(root, op);
    if (offered.some((t) => EVENT_STREAM.test(t)))
      fail(
        at,
        `'${key}' already declares a text/event-stream answer in ${spec.root.file}`,
        "remove 'streaming': the spec's event stream, with its own schema, is used when the body's 'stream' is true",
      );
    else if (!offered.some((t) => /json/i.test(t)))
      fail(
        at,
        `'${key}' declares no JSON success answer, so nothing chooses between it and an event stream`,
        `its success media types: ${offered.join(", ") || "none"}; 'streaming' applies to an operation answering JSON`,
      );
    const param = streaming.param ?? "stream";
    const fields = bodyProperties(root, op);
    const paramAt = streaming.param === undefined ? at : [...at, "param"];
    if (!fields)
      fail(
        paramAt,
        `'${key}' has no JSON object request body to carry '${param}'`,
        "'streaming' needs a boolean body property that asks for the stream",
      );
    else if (!fields.has(param)) {
      const near = didYouMean(param, [...fields.keys()]);
      fail(
        paramAt,
        `'${key}' has no body property '${param}'`,
        `${near ? `did you mean '${near}'? ` : ""}its body properties: ${[...fields.keys()].join(", ")}`,
      );
    } else if (!isBooleanSchema(root, fields.get(param))) {
      const booleans = [...fields].filter(([, schema]) => isBooleanSchema(root, schema)).map(([name]) => name);
      fail(
        paramAt,
        `body property '${param}' of '${key}' is not a boolean`,
        `name the boolean property whose \`true\` asks for the stream; ${booleans.length ? `its boolean body properties: ${booleans.join(", ")}` : "its body has none"}`,
      );
    }
    if (!schemas.includes(streaming.event)) {
      const near = didYouMean(streaming.event, schemas);
      fail(
        [...at, "event"],
        `event schema '${streaming.event}' is not in ${spec.root.file}`,
        `${near ? `did you mean '${near}'? ` : ""}name a key of components.schemas: the type of each event's data`,
      );
    }
  }
  return out;
};

/** The media types of the first 2xx response (the one the client reads). */
function successMediaTypes(root: unknown, op: Json): string[] {
  const responses = isObject(op.responses) ? op.responses : {};
  const status = Object.keys(responses).find((s) => /^2/.test(s));
  const content = status ? deref(root, responses[status]).value?.content : undefined;
  return isObject(content) ? Object.keys(content) : [];
}

/** The properties of the JSON request body's object schema, undefined when there is none. */
function bodyProperties(root: unknown, op: Json): Map<string, unknown> | undefined {
  const content = deref(root, op.requestBody).value?.content;
  if (!isObject(content)) return undefined;
  const json = Object.keys(content).find((t) => /json/i.test(t));
  const media = json ? content[json] : undefined;
  return isObject(media) ? objectShape(root, media.schema)?.properties : undefined;
}

/** `type: boolean`, `type: [boolean, "null"]`, or a `anyOf`/`oneOf` of those (OpenAI's 3.1 spelling of a nullable boolean). */
function isBooleanSchema(root: unknown, schema: unknown, depth = 0): boolean {
  const value = deref(root, schema).value;
  if (!value || depth > 4) return false;
  const variants = Array.isArray(value.anyOf) ? value.anyOf : Array.isArray(value.oneOf) ? value.oneOf : undefined;
  if (variants) {
    const kinds = variants.map((v) => (isBooleanSchema(root, v, depth + 1) ? "boolean" : deref(root, v).value?.type));
    return kinds.includes("boolean") && kinds.every((k) => k === "boolean" || k === "null");
  }
  const types = Array.isArray(value.type) ? value.type : [value.type];
  return types.includes("boolean") && types.every((t) => t === "boolean" || t === "null");
}
