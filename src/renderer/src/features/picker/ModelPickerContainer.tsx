import type { ModelInfo } from '../../../../shared/domain';
import type { AppError } from '../../../../shared/errors';
import { useStore } from '../../store';
import { errorText } from '../chat/error-text';
import { ModelPicker } from './ModelPicker';

const NO_MODELS: ModelInfo[] = [];

function noticeOf(listError: AppError | null, saveError: AppError | null): string | null {
  if (saveError) return `Favourites were not saved: ${errorText(saveError).title}.`;
  if (listError)
    return `The server's list could not be fetched (${errorText(listError).title}); showing the last one saved.`;
  return null;
}

/** The composer's model: the picker over the server's list, the user's favourites and the models used lately. */
export function ModelPickerContainer() {
  const model = useStore((s) => s.draft.model);
  const models = useStore((s) => s.modelList?.models ?? NO_MODELS);
  const listError = useStore((s) => s.modelList?.error ?? null);
  const favorites = useStore((s) => s.favoriteModels);
  const recents = useStore((s) => s.recentModels);
  const saveError = useStore((s) => s.pickerError);
  const { setDraft, loadModels, loadPickerLists, toggleFavoriteModel } = useStore.getState();
  return (
    <ModelPicker
      label="Model"
      value={model}
      onChange={(next) => setDraft({ model: next })}
      models={models}
      favorites={favorites}
      recents={recents}
      notice={noticeOf(listError, saveError)}
      onToggleFavorite={(id) => void toggleFavoriteModel(id)}
      onOpen={() => {
        void loadModels();
        void loadPickerLists();
      }}
    />
  );
}
