/**
 * Where a text mentions the canonical roles, by the printed forms (aliases)
 * listed in the role vocabulary. Where aliases overlap (党委 inside 党委书记),
 * the longest one at a position wins, so 党委书记 is not also read as 党委.
 */
export interface RoleAliases {
  id: string;
  aliases: readonly string[];
}

/** One printed form of a role in a text: `text.slice(start, end)`. */
export interface RoleMention {
  id: string;
  start: number;
  end: number;
}

export function createMentionFinder(roles: readonly RoleAliases[]): (text: string) => RoleMention[] {
  const aliases = roles
    .flatMap((role) => role.aliases.map((alias) => ({ alias, id: role.id })))
    .sort((a, b) => b.alias.length - a.alias.length);
  return (text) => {
    const found: RoleMention[] = [];
    const taken = new Uint8Array(text.length);
    for (const { alias, id } of aliases) {
      for (let at = text.indexOf(alias); at !== -1; at = text.indexOf(alias, at + 1)) {
        if (taken.subarray(at, at + alias.length).some(Boolean)) continue;
        taken.fill(1, at, at + alias.length);
        found.push({ id, start: at, end: at + alias.length });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  };
}

/** The roles a text mentions, each once, in vocabulary order. */
export function createRoleMatcher(roles: readonly RoleAliases[]): (text: string) => string[] {
  const find = createMentionFinder(roles);
  return (text) => {
    const found = new Set(find(text).map((mention) => mention.id));
    return roles.map((role) => role.id).filter((id) => found.has(id));
  };
}
