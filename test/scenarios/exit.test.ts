/** After the faults, a process using the client ends by itself: nothing the client started outlives a call. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";

it("the process exits by itself after every fault", () => {
  const child = spawnSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "exit-child.ts")], {
    encoding: "utf8",
    timeout: 30_000,
  });
  expect(child.stderr).toBe("");
  // Killed by the timeout, status would be null: something (the 60 s timer) kept the process alive.
  expect(child.status).toBe(0);
  expect(child.stdout).toBe("ok ok ok APIConnectionTimeoutError APIUserAbortError APIConnectionError APIError");
}, 40_000);
