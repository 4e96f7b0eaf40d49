import type { Diagnostic } from "../diagnostics.js";
import type { SpecOperation } from "../load/each-operation.js";
import type { Pointer } from "../load/json-pointer.js";
import type { LoadedSpec } from "../load/load-spec.js";
import type {
  BodyModel,
  OperationModel,
  ParamLocation,
  ParamModel,
  ResponseModel,
  TypePath,
  TypeShape,
} from "./api-model.js";
import { bodyEncoding, isEventStream, pickContentType, responseKind } from "./classify-media.js";
import { deref } from "../load/follow-ref.js";
import { isObject, str, type Json } from "../load/json-helpers.js";
import { arrayItems, fieldPaths, objectShape } from "../load/object-shape.js";
import { exampleFits } from "./example-fits.js";
import { isFramedEventSchema } from "./framed-events.js";
import { exampleValue } from "./example-value.js";
import {
  allowsOtherProperties,
  arrayProperties,
  defaultedProperties,
  objectFields,
  objectProperties,
  schemaFacts,
} from "./schema-facts.js";

const LOCATIONS: readonly ParamLocation[] = ["path", "query", "header", "cookie"];
/** OpenAPI says these header parameters are ignored: content negotiation and auth belong to the client. */
const IGNORED_HEADERS: ReadonlySet<string> = new Set(["accept", "content-type", "authorization"]);

export function buildOperation(spec: LoadedSpec, found: SpecOperation, notes: Diagnostic[]): OperationModel {
  const { path, method, operation, pathItem, key, pointer } = found;
  const root = spec.data;
  const type: TypePath = ["paths", path, method];
  const operationId = str(operation.operationId);
  const op: OperationModel = {
    key,
    method,
    path,
    pointer,
    tags: Array.isArray(operation.tags) ? operation.tags.filter((t): t is string => typeof t === "string") : [],
    params: buildParams(spec, pathItem, operation, pointer, notes),
    errors: [],
    type,
    enveloped: false,
    names: {},
  };
  if (operationId) op.operationId = operationId;
  copyDocs(op, operation);
  const body = buildBody(root, operation.requestBody, [...type, "requestBody"]);
  if (body) op.body = body;
  const { success, errors } = buildResponses(root, operation.responses, [...type, "responses"]);
  // Only a boolean `stream` body field says which of the two a request wants; without one, JSON it is.
  const param = success?.events?.param;
  if (param && !body?.fields.some((f) => f.name === param && isBoolean(f.schema.type, f.schema.shape))) {
    delete success!.events;
    delete success!.framedEvents;
  }
  if (success) op.success = success;
  op.errors = errors;
  if (Array.isArray(operation.security)) op.security = securityAlternatives(operation.security);
  return op;
}

/** `type: boolean`, `type: [boolean, "null"]` or (OpenAI's 3.1 spelling) `anyOf: [{ type: boolean }, { type: "null" }]`. */
function isBoolean(type: string | undefined, shape: TypeShape): boolean {
  if (type === "boolean") return true;
  if (shape.kind !== "union") return false;
  const types = shape.variants.map((v) => (v.kind === "primitive" ? v.type : v.kind)).filter((t) => t !== "null");
  return types.length > 0 && types.every((t) => t === "boolean");
}

export function copyDocs(target: { summary?: string; description?: string; deprecated?: boolean }, source: Json): void {
  const summary = str(source.summary);
  const description = str(source.description);
  if (summary) target.summary = summary;
  if (description) target.description = description;
  if (source.deprecated === true) target.deprecated = true;
}

export function securityAlternatives(list: unknown[]): string[][] {
  return list.filter(isObject).map((alt) => Object.keys(alt));
}

function buildParams(
  spec: LoadedSpec,
  pathItem: Json,
  operation: Json,
  pointer: Pointer,
  notes: Diagnostic[],
): ParamModel[] {
  const root = spec.data;
  const byKey = new Map<string, ParamModel>();
  const add = (list: unknown, at: Pointer) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw, i) => {
      const { value } = deref(root, raw);
      const name = str(value?.name);
      const location = value?.in as ParamLocation;
      if (!value || !name || !LOCATIONS.includes(location)) return;
      if (location === "header" && IGNORED_HEADERS.has(name.toLowerCase())) {
        notes.push(
          spec.diagnostic([...at, i], {
            severity: "warning",
            rule: "header-param-ignored",
            message: `header parameter '${name}' is ignored: the client sets it itself`,
            hint: "OpenAPI ignores Accept, Content-Type and Authorization parameters; describe auth with securitySchemes",
          }),
        );
        return;
      }
      const param: ParamModel = {
        name,
        in: location,
        required: false,
        schema: schemaFacts(root, value.schema ?? firstMediaSchema(value.content)),
        type: [...pointerToType(pointer), "parameters", location, name],
      };
      // A parameter with a default may be left out, whatever `required` says: the server fills it.
      param.required = location === "path" || (value.required === true && param.schema.default === undefined);
      const structured =
        param.schema.type === undefined || param.schema.type === "object" || param.schema.type === "array";
      const example = structured ? exampleValue(root, value.schema ?? firstMediaSchema(value.content)) : undefined;
      if (example !== undefined) param.example = example;
      copyDocs(param, value);
      if (typeof value.style === "string") param.style = value.style;
      if (typeof value.explode === "boolean") param.explode = value.explode;
      byKey.set(`${location}:${name}`, param);
    });
  };
  add(pathItem.parameters, [...pointer.slice(0, 2), "parameters"]);
  add(operation.parameters, [...pointer, "parameters"]);
  return [...byKey.values()];
}

const pointerToType = (pointer: Pointer): string[] => pointer.map(String);

function firstMediaSchema(content: unknown): unknown {
  if (!isObject(content)) return undefined;
  const first = Object.values(content)[0];
  return isObject(first) ? first.schema : undefined;
}

export function buildBody(root: unknown, raw: unknown, type: TypePath): BodyModel | undefined {
  const { value } = deref(root, raw);
  if (!value || !isObject(value.content)) return undefined;
  const types = Object.keys(value.content);
  const contentType = pickContentType(types);
  if (!contentType) return undefined;
  const media = value.content[contentType];
  const schema = isObject(media) ? media.schema : undefined;
  const encoding = bodyEncoding(contentType);
  const fields =
    encoding === "json" || encoding === "form" || encoding === "multipart" ? objectFields(root, schema) : undefined;
  const body: BodyModel = {
    required: value.required === true,
    contentType,
    encoding,
    spreadable: !!fields,
    schema: schemaFacts(root, schema),
    type: [...type, "content", contentType],
    fields: fields ?? [],
    alternatives: types.filter((t) => t !== contentType),
  };
  if (fields && allowsOtherProperties(root, schema)) body.otherFields = true;
  const given = mediaExample(root, media);
  const example = given !== undefined && exampleFits(root, schema, given) ? given : exampleValue(root, schema);
  if (example !== undefined) body.example = example;
  copyDocs(body, value);
  return body;
}

function buildResponses(
  root: unknown,
  raw: unknown,
  type: TypePath,
): { success?: ResponseModel; errors: ResponseModel[] } {
  const errors: ResponseModel[] = [];
  let success: ResponseModel | undefined;
  let fallback: ResponseModel | undefined;
  let emptySuccess = false;
  if (!isObject(raw)) return { errors };
  for (const [status, entry] of Object.entries(raw)) {
    const { value } = deref(root, entry);
    if (!value) continue;
    const content = isObject(value.content) ? value.content : {};
    // An event stream is the answer only when nothing else is offered (OpenAI's speech offers bytes too).
    const offered = Object.keys(content);
    const others = offered.filter((t) => !isEventStream(t));
    const contentType = pickContentType(others.length ? others : offered);
    const media = contentType ? content[contentType] : undefined;
    const response: ResponseModel = {
      status,
      kind: responseKind(contentType),
      schema: schemaFacts(root, isObject(media) ? media.schema : undefined),
    };
    if (str(value.description)) response.description = value.description as string;
    if (contentType) {
      response.contentType = contentType;
      response.type = [...type, status, "content", contentType];
      const schema = isObject(media) ? media.schema : undefined;
      const properties = response.kind === "json" ? objectProperties(root, schema) : undefined;
      if (properties) response.properties = properties;
      const defaulted = response.kind === "json" ? defaultedProperties(root, schema) : [];
      if (defaulted.length && !response.schema.nullable) response.defaulted = defaulted;
      if (response.kind === "json" && /^2/.test(status)) addListFacts(root, schema, response);
      if (/^2/.test(status) && isObject(value.headers) && Object.keys(value.headers).length)
        response.headers = Object.keys(value.headers).map((h) => h.toLowerCase());
      const events = response.kind === "json" ? offered.find(isEventStream) : undefined;
      if (events) {
        const eventsMedia = content[events];
        const eventSchema = schemaFacts(root, isObject(eventsMedia) ? eventsMedia.schema : undefined);
        response.events = { schema: eventSchema, type: [...type, status, "content", events], param: "stream" };
      }
      const streamed = response.kind === "sse" ? media : events ? content[events] : undefined;
      if (isObject(streamed) && isFramedEventSchema(root, streamed.schema)) response.framedEvents = true;
    }
    if (/^2/.test(status) || status === "default") {
      const arrays = response.properties ? arrayProperties(root, isObject(media) ? media.schema : undefined) : [];
      if (arrays.length) response.arrayProperties = arrays;
    }
    if (/^2/.test(status)) {
      success ??= response;
      if (!contentType) emptySuccess = true;
    } else if (status === "default") fallback = response;
    else errors.push(response);
  }
  if (success && emptySuccess && success.contentType) success.mayBeEmpty = true;
  if (!success && fallback) success = fallback;
  else if (fallback) errors.push(fallback);
  return success ? { success, errors } : { errors };
}

/** What recognising a list needs of a success body: its nested fields, or the fields of its array's items. */
function addListFacts(root: unknown, schema: unknown, response: ResponseModel): void {
  const nested = response.properties ? fieldPaths(root, schema).filter((p) => p.includes(".")) : [];
  if (nested.length) response.nestedFields = nested;
  const items = response.properties ? undefined : arrayItems(root, schema);
  const itemProperties = items === undefined ? undefined : objectShape(root, items)?.properties;
  if (itemProperties) response.itemProperties = [...itemProperties.keys()];
}

/** A media type object's own `example`, or the value of its first `examples` entry. */
function mediaExample(root: unknown, media: unknown): unknown {
  if (!isObject(media)) return undefined;
  if ("example" in media) return media.example;
  if (!isObject(media.examples)) return undefined;
  const first = deref(root, Object.values(media.examples)[0]).value;
  return first && "value" in first ? first.value : undefined;
}
