import { beforeEach } from 'vitest';
import { i18n } from '../i18n';
import { resetStore } from '../store';
import { fakeApi } from './fake-api';

// Every renderer test starts from a fresh store, with a bridge that answers only what the test set up.
window.api = fakeApi.bridge;

beforeEach(async () => {
  fakeApi.reset();
  resetStore();
  // Tests find things by their English words; a test that switches language does not leak it into the next.
  if (i18n.language !== 'en') await i18n.changeLanguage('en');
});
