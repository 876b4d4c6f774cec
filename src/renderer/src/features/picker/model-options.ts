import { isVisionModel, type ModelInfo } from '../../../../shared/domain';

export interface ModelOption {
  id: string;
  vision: boolean;
  contextLength: number | null;
  favorite: boolean;
}

/** A group of the picker's list; the list names it by its key (picker:groups.<key>). */
export interface OptionGroup {
  key: 'favorites' | 'recent' | 'all';
  options: ModelOption[];
}

export interface PickerLists {
  /** The server's list (or the saved one); may be empty when it was never fetched. */
  models: readonly ModelInfo[];
  favorites: readonly string[];
  recents: readonly string[];
}

/** "All models" shows this many matches; typing narrows the rest. */
export const SHOWN_MATCHES = 100;

/** Every word of the query appears in the id, in any order, ignoring case: "llama 70" finds Llama-3.1-70B. */
export function matchesQuery(id: string, query: string): boolean {
  const haystack = id.toLowerCase();
  return query
    .toLowerCase()
    .split(/[\s]+/)
    .every((word) => haystack.includes(word));
}

/**
 * The picker's groups: favourites, then recently used (without the favourites), then every model the server
 * lists. A favourite or recent id the server does not list (a free-text id) still shows, with what its name says.
 */
export function pickerGroups(lists: PickerLists, query: string): { groups: OptionGroup[]; hidden: number } {
  const byId = new Map(lists.models.map((m) => [m.id, m]));
  const favorites = new Set(lists.favorites);
  const toOption = (id: string): ModelOption => {
    const known = byId.get(id);
    return {
      id,
      vision: known?.vision ?? isVisionModel(id),
      contextLength: known?.contextLength ?? null,
      favorite: favorites.has(id),
    };
  };
  const q = query.trim();
  const keep = (id: string) => q === '' || matchesQuery(id, q);
  const all = lists.models.filter((m) => keep(m.id));
  const groups: OptionGroup[] = [
    { key: 'favorites', options: lists.favorites.filter(keep).map(toOption) },
    {
      key: 'recent',
      options: lists.recents.filter((id) => !favorites.has(id) && keep(id)).map(toOption),
    },
    { key: 'all', options: all.slice(0, SHOWN_MATCHES).map((m) => toOption(m.id)) },
  ];
  return { groups: groups.filter((g) => g.options.length > 0), hidden: Math.max(0, all.length - SHOWN_MATCHES) };
}

/** 131072 → "128k", 128000 → "128k", 1048576 → "1M": how model cards name context lengths. */
export function formatContext(tokens: number): string {
  if (tokens >= 1_000_000) {
    const m = tokens % 1_000_000 === 0 ? tokens / 1_000_000 : tokens / 1_048_576;
    return `${Number(m.toFixed(1))}M`;
  }
  if (tokens >= 1000) return `${Math.round(tokens % 1000 === 0 ? tokens / 1000 : tokens / 1024)}k`;
  return String(tokens);
}
