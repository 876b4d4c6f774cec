import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ModelInfo } from '../../../../shared/domain';
import type { AppError } from '../../../../shared/errors';
import { useStore } from '../../store';
import { errorText } from '../chat/error-text';
import { ModelPicker } from './ModelPicker';
import type { PickerLists } from './model-options';

const NO_MODELS: ModelInfo[] = [];

function noticeOf(listError: AppError | null, saveError: AppError | null, t: TFunction<'picker'>): string | null {
  if (saveError) return t('notice.saveFailed', { reason: errorText(saveError).title });
  if (listError) return t('notice.listFailed', { reason: errorText(listError).title });
  return null;
}

/** What every model picker shows besides its value: the lists, their notice, starring, and fetching on open. */
export interface PickerFeed extends PickerLists {
  notice: string | null;
  onToggleFavorite(id: string): void;
  onOpen(): void;
}

/** Feeds a picker from the store; the composer's picker and compare mode's use the same one. */
export function usePickerFeed(): PickerFeed {
  const { t } = useTranslation('picker');
  const models = useStore((s) => s.modelList?.models ?? NO_MODELS);
  const listError = useStore((s) => s.modelList?.error ?? null);
  const favorites = useStore((s) => s.favoriteModels);
  const recents = useStore((s) => s.recentModels);
  const saveError = useStore((s) => s.pickerError);
  const { loadModels, loadPickerLists, toggleFavoriteModel } = useStore.getState();
  return {
    models,
    favorites,
    recents,
    notice: noticeOf(listError, saveError, t),
    onToggleFavorite: (id) => void toggleFavoriteModel(id),
    onOpen: () => {
      void loadModels();
      void loadPickerLists();
    },
  };
}

/** The composer's model: the picker over the server's list, the user's favourites and the models used lately. */
export function ModelPickerContainer() {
  const model = useStore((s) => s.draft.model);
  const feed = usePickerFeed();
  const { t } = useTranslation('common');
  const { setDraft } = useStore.getState();
  return <ModelPicker label={t('model')} value={model} onChange={(next) => setDraft({ model: next })} {...feed} />;
}
