import { beforeEach } from 'vitest';
// The app's words (English, as tests find things by them) are set up before any component renders.
import '../i18n';
import { resetStore } from '../store';
import { fakeApi } from './fake-api';

// Every renderer test starts from a fresh store, with a bridge that answers only what the test set up.
window.api = fakeApi.bridge;

beforeEach(() => {
  fakeApi.reset();
  resetStore();
});
