// Preloaded into `clientgen generate` by test/write/sigkill.test.ts: counts every file-system change
// under CLIENTGEN_KILL_ROOT and SIGKILLs the process at change number CLIENTGEN_KILL_AT (0: never).
// At exit it writes the count to CLIENTGEN_KILL_COUNT, so the test knows how many points there are.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

const root = process.env.CLIENTGEN_KILL_ROOT ?? "";
const killAt = Number(process.env.CLIENTGEN_KILL_AT ?? "0");
let steps = 0;

for (const name of ["writeFileSync", "mkdirSync", "renameSync", "rmSync"]) {
  const original = fs[name];
  fs[name] = function (path, ...rest) {
    if (root && String(path).startsWith(root)) {
      steps++;
      if (steps === killAt) process.kill(process.pid, "SIGKILL");
    }
    return original.call(this, path, ...rest);
  };
}
syncBuiltinESMExports();

process.on("exit", () => {
  if (process.env.CLIENTGEN_KILL_COUNT) fs.writeFileSync(process.env.CLIENTGEN_KILL_COUNT, String(steps));
});
