import { LIMITS } from '../../shared/domain';
import type { SettingsStore } from '../settings/settings-store';

/**
 * Puts a model first in the picker's recent list. Main calls this when a reply was really asked of the model, so
 * the list is what the user used, never what the window says it used (the window cannot write the list at all).
 */
export function rememberModel(settings: SettingsStore, model: string): void {
  const recent = settings.get().values.recentModels;
  if (recent[0] === model) return;
  const next = [model, ...recent.filter((m) => m !== model)].slice(0, LIMITS.recentModels);
  settings.update({ recentModels: next });
}
