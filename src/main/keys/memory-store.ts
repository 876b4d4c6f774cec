import type { SecretStore } from './secret-store';

/** A keychain stand-in that forgets on exit; tests use it where the keychain is not what they check. */
export class MemorySecretStore implements SecretStore {
  constructor(private secret: string | null = null) {}

  async get(): Promise<string | null> {
    return this.secret;
  }

  async set(secret: string): Promise<void> {
    this.secret = secret;
  }

  async delete(): Promise<void> {
    this.secret = null;
  }
}
