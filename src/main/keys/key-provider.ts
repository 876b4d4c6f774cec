import type { KeyStatus } from '../../shared/contract';

/** A key together with the one origin (`scheme://host[:port]`) it may be sent to. */
export interface BoundKey {
  readonly key: string;
  readonly origin: string;
}

/** Where chat and model calls get the API key from; the key itself never leaves main. */
export interface KeyProvider {
  /** The key bound to the origin requests go to now; throws `no_key`, or `key_origin` when it is bound elsewhere. */
  requireKey(): Promise<BoundKey>;
  status(): Promise<KeyStatus>;
}

export function hintOf(key: string): string {
  return key.slice(-4);
}
