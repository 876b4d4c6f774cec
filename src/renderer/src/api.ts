import type { Api } from '../../shared/contract';
import { unwrapBridge } from '../../shared/unwrap';

let api: Api | null = null;

/** The contract as plain async functions; only store actions call it. */
export function getApi(): Api {
  api ??= unwrapBridge(window.api);
  return api;
}
