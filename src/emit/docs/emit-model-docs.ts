import type { GeneratorAssets } from "../../generator-assets.js";
import type { PropertyModel, SchemaModel } from "../../model/api-model.js";
import type { NamedApi, NamedSchema } from "../../name/named-api.js";
import { docLinks, modelIndex, shapeMarkdown, typeMarkdown, valueCode, type DocLinks } from "./doc-types.js";
import type { FileSet } from "../file-set.js";
import { codeCell, markdownBlock, tableCell } from "./markdown.js";
import { renderTemplate } from "../render-template.js";

/**
 * `docs/models/<Model>.md` for every component schema, as openapi-generator's model pages: what it
 * is, its properties (type linked to other models, description, and notes: optional, read-only,
 * default, enum values) and the spec's example.
 */
export function emitModelDocs(api: NamedApi, assets: GeneratorAssets): FileSet {
  const files: FileSet = new Map();
  const index = modelIndex(api);
  for (const named of api.schemas) {
    const model = index.models.get(named.name)!;
    files.set(
      named.docFile,
      renderTemplate(assets, "docs/model.md.hbs", modelData(api, named, model, docLinks(index, named.docFile))),
    );
  }
  return files;
}

function modelData(api: NamedApi, named: NamedSchema, model: SchemaModel, links: DocLinks) {
  const facts = model.facts;
  return {
    alias: named.alias,
    readme: links.readme,
    deprecated: !!model.deprecated,
    description: markdownBlock(model.description),
    importLine: `import type { ${named.alias} } from "${api.client.packageName}/models";`,
    kind: facts.shape.kind === "object" ? (model.properties.length ? "" : "`object`") : typeMarkdown(facts, links),
    enumValues: (facts.enum ?? []).map(valueCode).join(", "),
    properties: model.properties.map((p) => propertyRow(p, links)),
    additional:
      model.additionalProperties && facts.shape.kind !== "map"
        ? shapeMarkdown(model.additionalProperties, links, 0)
        : "",
    example: model.example === undefined ? "" : JSON.stringify(model.example, null, 2),
  };
}

function propertyRow(p: PropertyModel, links: DocLinks) {
  const notes: string[] = [];
  if (!p.required) notes.push("[optional]");
  if (p.readOnly) notes.push("[read-only]");
  if (p.writeOnly) notes.push("[write-only]");
  if (p.deprecated) notes.push("[deprecated]");
  if (p.schema.default !== undefined) notes.push(`[default to ${valueCode(p.schema.default)}]`);
  if (p.schema.enum) notes.push(`one of ${p.schema.enum.map(valueCode).join(", ")}`);
  return {
    name: codeCell(p.name),
    type: typeMarkdown(p.schema, links),
    description: tableCell(p.description),
    notes: notes.join(" "),
  };
}
