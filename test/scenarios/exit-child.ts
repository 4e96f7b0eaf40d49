/**
 * Run by exit.test.ts as its own process: the faults with the default 60 s timeout where it matters,
 * then nothing. The process must end by itself, soon: no timer, listener or socket left behind.
 */
import { ClientCore } from "../../src/runtime/core.js";
import { auth, bearer } from "../../src/runtime/auth.js";
import type { ClientSpec } from "../../src/runtime/types.js";
import { answer, redirect, resetMidBody, stall, startFaultServer } from "../helpers/fault-server.js";

const server = await startFaultServer();
const spec: ClientSpec = {
  name: "Exit",
  baseURLEnv: "EXIT_BASE_URL",
  credentials: [{ option: "token" }],
  auth: auth({ t: bearer("token") }, [["t"]]),
};
const client = new ClientCore(spec, { baseURL: server.url, token: "t", logLevel: "off", maxRetries: 1 });
const op = { id: "get", method: "get", path: "/x" } as const;
const outcomes: string[] = [];
const settle = (p: Promise<unknown>) =>
  p
    .then(
      () => "ok",
      (e: Error) => e.name,
    )
    .then((o) => void outcomes.push(o));

// Answered: the default 60 s timer must stop with the body read, or it would hold the process.
server.serve(answer(200, '{"a":1}'));
await settle(client.request(op, {}, undefined));
await settle(client.request(op, {}, undefined).withResponse());
await settle(
  client
    .request(op, {}, undefined)
    .asResponse()
    .then((r) => r.text()),
);
server.serve(stall);
await settle(client.request(op, {}, undefined, { timeout: 50 }));
await settle(client.request(op, {}, undefined, { signal: AbortSignal.timeout(50) }));
server.serve(resetMidBody);
await settle(client.request(op, {}, undefined));
server.serve(redirect("/x"));
await settle(client.request(op, {}, undefined));
await server.close();
process.stdout.write(outcomes.join(" "));
