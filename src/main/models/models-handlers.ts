import type { Handlers } from '../ipc';
import type { ModelsService } from './models-service';

/** The `models` namespace: the picker's list. */
export function modelsHandlers(models: ModelsService): Handlers['models'] {
  return { list: () => models.list() };
}
