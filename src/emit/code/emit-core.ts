import type { NamedApi } from "../../name/named-api.js";
import type { FileSet } from "../file-set.js";
import { clientSpec } from "./client-spec.js";
import { codeLiteral, runtimeRefs } from "./runtime-ref.js";
import { banner, newWriter, writeJsDoc } from "./source-writer.js";

/** `src/core.ts`: the options type, the client descriptor and the resource-free core client class. */
export function emitCore(api: NamedApi): FileSet {
  const { client } = api;
  const spec = clientSpec(api);
  const w = newWriter();
  w.write(banner(api.model.source));
  // auth(), bearer(), envelope()…: only what this API uses, so bundles leave the rest of the runtime out.
  w.writeLine(
    `import { ClientCore, type ClientOptions, type ClientSpec${runtimeRefs(spec)
      .map((r) => ", " + r)
      .join("")} } from "./runtime/index.js";`,
  );
  w.blankLine();
  writeJsDoc(w, {
    description: `Options of the ${client.className} client: credentials, client parameters, and the common client options.`,
  });
  w.write(`export interface ${client.optionsType} extends ClientOptions`).block(() => {
    for (const c of api.credentials) {
      const env = c.env ? [`Defaults to \`process.env.${c.env}\`.`] : [];
      const what = c.part ? [`The ${c.part} for the \`${c.scheme.name}\` scheme.`] : [];
      writeJsDoc(w, c.description ? { description: c.description } : undefined, [...what, ...env]);
      w.writeLine(`${c.option}?: string | undefined;`);
    }
    for (const p of api.clientParams) {
      const env = p.env ? [`Defaults to \`process.env.${p.env}\`.`] : [];
      writeJsDoc(w, p.description ? { description: p.description } : undefined, [
        `Sent as ${p.in} \`${p.name}\` by every operation that takes it.`,
        ...env,
      ]);
      w.writeLine(`${p.option}?: string | undefined;`);
    }
  });
  w.blankLine();
  const head = "export const clientSpec: ClientSpec = ";
  w.writeLine(`${head}${codeLiteral(spec, "", head.length + 1)};`);
  w.blankLine();
  writeJsDoc(w, {
    description: `The ${client.className} client without its resources. Pass it to the standalone functions in \`./operations\` so a bundle keeps only the operations it calls.`,
  });
  w.write(`export class ${client.coreClassName} extends ClientCore`).block(() => {
    w.write(`constructor(options?: ${client.optionsType})`).block(() => {
      w.writeLine("super(clientSpec, { ...options });");
    });
  });
  w.newLineIfLastNot();
  return new Map([["src/core.ts", w.toString()]]);
}
