import { useStore } from '../../store';
import { SearchDialog } from './SearchDialog';

export function SearchContainer() {
  const open = useStore((s) => s.searchOpen);
  const hits = useStore((s) => s.searchHits);
  const hasMore = useStore((s) => s.searchNext !== null);
  const loading = useStore((s) => s.searchLoading);
  const error = useStore((s) => s.searchError);
  const query = useStore((s) => s.searchQuery);
  const { runSearch, searchMore, openHit, closeSearch } = useStore.getState();
  if (!open) return null;
  return (
    <SearchDialog
      hits={hits}
      hasMore={hasMore}
      loading={loading}
      error={error}
      initialQuery={query}
      onQuery={runSearch}
      onMore={() => void searchMore()}
      onChoose={(hit) => void openHit(hit)}
      onClose={closeSearch}
    />
  );
}
