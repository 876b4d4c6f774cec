import type { KeyStatus } from '../../shared/contract';

/** Where chat and model calls get the API key from; the key itself never leaves main. */
export interface KeyProvider {
  getKey(): Promise<string | null>;
  status(): Promise<KeyStatus>;
}

export function hintOf(key: string): string {
  return key.slice(-4);
}
