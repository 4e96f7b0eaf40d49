import type { NamedOperation, NamedDocPage } from "./named-api.js";

/**
 * The pages under docs/: one per flat resource (`docs/user.invites.md`; operations on the client
 * itself go to `docs/client.md`), one per model (`docs/models/Invite.md`), and `docs/webhooks.md` for an API
 * that sends events. File names are unique ignoring case, so a package checked out on macOS or Windows keeps every page.
 */
export function nameDocPages(
  operations: NamedOperation[],
  aliases: string[],
  webhooks = false,
): { pages: NamedDocPage[]; modelFiles: string[]; webhooksFile?: string } {
  const taken = new Set<string>();
  const claim = (base: string) => {
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    taken.add(name.toLowerCase());
    return name;
  };
  const groups = new Map<string, NamedOperation[]>();
  for (const named of operations) {
    const key = named.flat.resource.join(".");
    groups.set(key, [...(groups.get(key) ?? []), named]);
  }
  const pages = [...groups].map(([key, ops]): NamedDocPage => {
    const title = key || "client";
    return { title, file: `docs/${claim(title)}.md`, operations: ops };
  });
  const webhooksFile = webhooks ? `docs/${claim("webhooks")}.md` : undefined;
  taken.clear();
  const modelFiles = aliases.map((alias) => `docs/models/${claim(alias)}.md`);
  return webhooksFile ? { pages, modelFiles, webhooksFile } : { pages, modelFiles };
}
