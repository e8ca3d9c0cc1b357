/** The role vocabulary in display order (by group, then as listed). */
import { getCollection } from 'astro:content';
import { ROLE_GROUPS, type Role } from '../schemas/role';

let cache: Promise<Role[]> | undefined;

export function getRoles(): Promise<Role[]> {
  cache ??= getCollection('roles').then((entries) =>
    entries.map((entry) => entry.data).sort((a, b) => ROLE_GROUPS.indexOf(a.group) - ROLE_GROUPS.indexOf(b.group)),
  );
  return cache;
}
