import { posix } from "node:path";
import type { SchemaFacts, SchemaModel, TypeShape } from "../../model/api-model.js";
import type { NamedApi, NamedSchema } from "../../name/named-api.js";
import { codeCell, escapePipes } from "./markdown.js";

/** Where a docs page finds model pages: links relative to the page, and the models by component name. */
export interface DocLinks {
  model(name: string): SchemaModel | undefined;
  /** Markdown link to a model page from the current page, or undefined when the name is no component schema. */
  href(name: string): string | undefined;
  alias(name: string): string | undefined;
  /** The package README, relative to the page. */
  readme: string;
}

/** The component schemas by name, built once per package: pages look them up by the thousand on big specs. */
export interface ModelIndex {
  models: Map<string, SchemaModel>;
  named: Map<string, NamedSchema>;
  /** Links to model pages by the folder of the page they are on, then by component name: `posix.relative` resolves both paths each call. */
  hrefs: Map<string, Map<string, string | undefined>>;
}

export function modelIndex(api: NamedApi): ModelIndex {
  return {
    models: new Map(api.model.schemas.map((s) => [s.name, s])),
    named: new Map(api.schemas.map((s) => [s.name, s])),
    hrefs: new Map(),
  };
}

export function docLinks({ models, named, hrefs }: ModelIndex, fromFile: string): DocLinks {
  const dir = posix.dirname(fromFile);
  let fromDir = hrefs.get(dir);
  if (!fromDir) hrefs.set(dir, (fromDir = new Map()));
  const known = fromDir;
  return {
    model: (name) => models.get(name),
    href: (name) => {
      if (known.has(name)) return known.get(name);
      const file = named.get(name)?.docFile;
      const href = file === undefined ? undefined : posix.relative(dir, file);
      known.set(name, href);
      return href;
    },
    alias: (name) => named.get(name)?.alias,
    readme: posix.relative(dir, "README.md"),
  };
}

/** A type for a table cell or a line of prose: `` `string` ``, `[Invite](models/Invite.md)[]`, `` `integer` \| `null` ``. */
export function typeMarkdown(facts: Pick<SchemaFacts, "shape" | "nullable" | "format">, links: DocLinks): string {
  const text = shapeMarkdown(facts.shape, links, 0);
  const format = facts.shape.kind === "primitive" && facts.format ? ` (${escapePipes(facts.format)})` : "";
  return `${text}${format}${facts.nullable ? " \\| `null`" : ""}`;
}

export function shapeMarkdown(shape: TypeShape, links: DocLinks, depth: number): string {
  switch (shape.kind) {
    case "ref": {
      const alias = links.alias(shape.name);
      const href = links.href(shape.name);
      return alias && href ? `[${alias}](${href})` : codeCell(shape.name);
    }
    case "primitive":
      return `\`${shape.type}\``;
    case "array": {
      const inner = shapeMarkdown(shape.items, links, depth + 1);
      return shape.items.kind === "union" || shape.items.kind === "intersection" ? `(${inner})[]` : `${inner}[]`;
    }
    case "map":
      return `{ [key: string]: ${shapeMarkdown(shape.values, links, depth + 1)} }`;
    case "object":
      return "`object`";
    case "union":
    case "intersection": {
      const parts = shape.variants.map((v) => shapeMarkdown(v, links, depth + 1));
      const joined = parts.join(shape.kind === "union" ? " \\| " : " & ");
      return depth > 0 ? `(${joined})` : joined;
    }
    case "unknown":
      return "`unknown`";
    default: {
      const never: never = shape;
      throw new Error(`unhandled type shape ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The shape of `key.sub` inside a response (an envelope's result, a page's items), followed through
 * component models and arrays; undefined when a step is an inline object or absent.
 */
export function shapeAt(shape: TypeShape, path: string[], links: DocLinks): TypeShape | undefined {
  let current: TypeShape | undefined = shape;
  for (const key of path) {
    if (current?.kind !== "ref") return undefined;
    current = links.model(current.name)?.properties.find((p) => p.name === key)?.schema.shape;
  }
  return current;
}

/** `` `20` ``, `` `"pending"` ``: a value from a spec as inline code in a table. */
export const valueCode = (value: unknown): string => codeCell(JSON.stringify(value) ?? "undefined");
