export interface FilterableItem {
  bodyType: string;
  kind: string;
}

export interface DocumentFilter {
  bodyType: string;
  kind: string;
}

/** An empty criterion matches everything. */
export function matchesFilter(item: FilterableItem, filter: DocumentFilter): boolean {
  return (!filter.bodyType || item.bodyType === filter.bodyType) && (!filter.kind || item.kind === filter.kind);
}

export interface DutyFilter {
  doc: string;
  role: string;
}

/** A duty on the calendar: its document and its role tags. An empty criterion matches everything. */
export function matchesDuty(duty: { document: string; roles: readonly string[] }, filter: DutyFilter): boolean {
  return (!filter.doc || duty.document === filter.doc) && (!filter.role || duty.roles.includes(filter.role));
}
