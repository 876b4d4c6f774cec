import type { ModelList } from '../../shared/contract';
import { isVisionModel, type ModelInfo } from '../../shared/domain';
import { toAppError } from '../../shared/errors';
import type { BoundKey, KeyProvider } from '../keys/key-provider';
import type { RemoteModel } from './fetch-models';

export interface CachedModels {
  models: RemoteModel[];
  fetchedAt: number;
}

/** Where the last good list is kept, so the picker works offline. */
export interface ModelsCache {
  get(): CachedModels | null;
  set(value: CachedModels): void;
}

export class MemoryModelsCache implements ModelsCache {
  private value: CachedModels | null = null;
  get(): CachedModels | null {
    return this.value;
  }
  set(value: CachedModels): void {
    this.value = value;
  }
}

export interface ModelsServiceOptions {
  keys: KeyProvider;
  fetchModels(key: BoundKey): Promise<RemoteModel[]>;
  cache: ModelsCache;
  now?: () => number;
}

/** The model picker's list: fresh from the server when it answers, else the saved one with the reason. */
export class ModelsService {
  constructor(private readonly options: ModelsServiceOptions) {}

  /** The server's list as it is now, uncached and unsorted: what a key test asks for. */
  fetch(key: BoundKey): Promise<RemoteModel[]> {
    return this.options.fetchModels(key);
  }

  /** The list being fetched: calls while it is on the way share it, so the server is asked once. */
  private listing: Promise<ModelList> | null = null;

  list(): Promise<ModelList> {
    this.listing ??= this.fetchList().finally(() => {
      this.listing = null;
    });
    return this.listing;
  }

  private async fetchList(): Promise<ModelList> {
    const { keys, cache } = this.options;
    try {
      const apiKey = await keys.requireKey();
      const byId = new Map((await this.options.fetchModels(apiKey)).map((m) => [m.id, m]));
      const models = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
      const fetchedAt = (this.options.now ?? Date.now)();
      cache.set({ models, fetchedAt });
      return { models: models.map(toInfo), fetchedAt, error: null };
    } catch (error) {
      return this.fromCache(toAppError(error));
    }
  }

  private fromCache(error: ModelList['error']): ModelList {
    const cached = this.options.cache.get();
    return { models: (cached?.models ?? []).map(toInfo), fetchedAt: cached?.fetchedAt ?? null, error };
  }

  /** What the last list said about a model's context length; null when it said nothing or was never fetched. */
  contextLengthOf(model: string): number | null {
    return this.options.cache.get()?.models.find((m) => m.id === model)?.contextLength ?? null;
  }
}

function toInfo({ id, contextLength }: RemoteModel): ModelInfo {
  return { id, vision: isVisionModel(id), contextLength };
}
