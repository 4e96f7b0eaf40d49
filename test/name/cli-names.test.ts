import { describe, expect, it } from "vitest";
import { emptyConfig } from "../../src/load/provider-config.js";
import { loadSpec } from "../../src/load/load-spec.js";
import { buildModel } from "../../src/model/build-model.js";
import { nameApi } from "../../src/name/name-api.js";
import { fixture, projectRoot } from "../helpers/generate.js";

/** The command line's names come from the name stage: built-in words are never taken, and a clash is a warning. */
describe("command-line names", () => {
  it("commands, aliases, groups, flags and the bin, with clashes against built-ins renamed and warned about", () => {
    const { spec } = loadSpec(fixture("specs", "cli-names.yaml"), projectRoot);
    const api = nameApi(buildModel(spec!, emptyConfig()), "clash");
    expect(api.cli.bin).toBe("clash-client");
    expect([...api.cli.commands.values()]).toEqual([
      { command: "completion2", group: "Shell" },
      { command: "search", group: "search" },
      { command: "listUserInvites", alias: "list-user-invites", group: "Invites" },
    ]);
    // The credential option `verbose` would get the global option's flag.
    expect(api.cli.flags).toEqual([{ option: "verbose", flag: "verbose2" }]);
    const messages = api.warnings.filter((d) => d.rule === "name-clash").map((d) => d.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining("command 'completion' is taken (by a built-in command); using 'completion2'"),
        expect.stringContaining("flag '--verbose'"),
      ]),
    );
  });
});
