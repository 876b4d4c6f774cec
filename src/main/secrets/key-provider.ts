import type { KeyStatus } from '../../shared/contract';

/** Where chat and model calls get the API key from; the key itself never leaves main. */
export interface KeyProvider {
  getKey(): Promise<string | null>;
  status(): Promise<KeyStatus>;
}

export function hintOf(key: string): string {
  return key.slice(-4);
}

/** Reads MODELSLAB_API_KEY from the environment. */
export class EnvKeyProvider implements KeyProvider {
  constructor(private readonly env: Record<string, string | undefined>) {}

  getKey(): Promise<string | null> {
    return Promise.resolve(this.env.MODELSLAB_API_KEY?.trim() || null);
  }

  async status(): Promise<KeyStatus> {
    const key = await this.getKey();
    return key
      ? { configured: true, source: 'env', hint: hintOf(key) }
      : { configured: false, source: null, hint: null };
  }
}
