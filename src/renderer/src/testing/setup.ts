import { beforeEach } from 'vitest';
import { resetStore } from '../store';
import { fakeApi } from './fake-api';

// Every renderer test starts from a fresh store, with a bridge that answers only what the test set up.
window.api = fakeApi.bridge;

beforeEach(() => {
  fakeApi.reset();
  resetStore();
});
