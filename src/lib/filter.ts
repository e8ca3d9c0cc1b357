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
