import { SDKError } from "../runtime/errors.js";
import { dataBytes } from "./build-call.js";
import type { Host } from "./host.js";
import { EXIT, json } from "./output.js";
import type { ParsedArgs } from "./parsed-args.js";
import { webhooksUsage } from "./help.js";
import type { CliProgram, CliWebhooks } from "./program.js";
import { UsageError } from "./usage-error.js";

/**
 * `<bin> webhooks verify`: checks a delivery's Standard Webhooks signature, the body from `--data`
 * (`@file` or `-` for stdin, taken as the exact bytes) and the headers from `--header`; prints the
 * event and exits 0, or says why not and exits 1. No request is sent. Not imported by the engine: a
 * package's src/cli.ts gives it as `webhooks.run` only when the package verifies webhooks, so the
 * other packages do not carry this file.
 */
export async function verifyWebhook(
  program: CliProgram & { webhooks: CliWebhooks },
  parsed: ParsedArgs,
  host: Host,
): Promise<number> {
  const usage = `usage: ${webhooksUsage(program.bin)}`;
  if (parsed.help) return host.write("out", `${usage}\n`).then(() => EXIT.ok);
  if (parsed.positionals[0] !== "verify" || parsed.positionals.length > 1 || parsed.inputs.length)
    throw new UsageError(usage);
  if (parsed.data === undefined) throw new UsageError(`the body is missing: ${usage}`);
  const body = await dataBytes(parsed.data, host);
  try {
    await host.write(
      "out",
      json(host, await program.webhooks.unwrap({ ...parsed.clientOptions }, body, parsed.headers)),
    );
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof SDKError)) throw err;
    const secret = program.options.find((o) => o.kind === "webhook secret");
    if (err.name !== "InvalidWebhookSignatureError") {
      // The client's own message names its option; the command line's way is the flag.
      const where = secret ? `--${secret.flag}${secret.env ? ` or set ${secret.env}` : ""}` : "a secret";
      throw new UsageError(/^No webhook secret/.test(err.message) ? `no webhook secret: pass ${where}` : err.message);
    }
    await host.write("err", `${program.bin}: ${err.name}: ${err.message}\n`);
    return EXIT.api;
  }
}
