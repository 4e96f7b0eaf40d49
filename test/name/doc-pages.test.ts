import { describe, expect, it } from "vitest";
import type { NamedOperation } from "../../src/name/named-api.js";
import { nameDocPages } from "../../src/name/name-docs.js";

const op = (resource: string[], method: string) => ({ flat: { resource, method } }) as unknown as NamedOperation;

describe("docs page names", () => {
  it("one page per flat resource, in first-seen order; the client's own methods on client.md", () => {
    const ops = [op(["user", "invites"], "list"), op([], "ping"), op(["user", "invites"], "get"), op(["user"], "me")];
    const { pages } = nameDocPages(ops, []);
    expect(pages.map((p) => [p.file, p.title, p.operations.map((o) => o.flat.method)])).toEqual([
      ["docs/user.invites.md", "user.invites", ["list", "get"]],
      ["docs/client.md", "client", ["ping"]],
      ["docs/user.md", "user", ["me"]],
    ]);
  });

  it("file names stay unique ignoring case, so a checkout on macOS or Windows keeps every page", () => {
    const { pages, modelFiles } = nameDocPages([op([], "ping"), op(["Client"], "get")], ["Invite", "INVITE", "invite"]);
    expect(pages.map((p) => p.file)).toEqual(["docs/client.md", "docs/Client-2.md"]);
    expect(modelFiles).toEqual(["docs/models/Invite.md", "docs/models/INVITE-2.md", "docs/models/invite-3.md"]);
  });
});
