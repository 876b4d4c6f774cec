import { API_EVENTS, API_METHODS, type Api, type Bridge, type EventPayloads } from '../../../shared/contract';
import { ApiError, appError, type AppError } from '../../../shared/errors';

type Namespace = keyof Api;
type Handler = (...args: never[]) => unknown;

/**
 * A stand-in for the preload bridge in renderer tests: every method answers as main does ({ ok, value } or
 * { ok: false, error }), from what a test told it with `answer` or `fail`; a method no test set up fails loudly.
 * `window.api` is set once (the page caches its unwrapped copy); `reset()` clears answers, calls and listeners.
 */
export class FakeApi {
  /** Every call, in order, as "namespace.method" with its arguments. */
  calls: { method: string; args: unknown[] }[] = [];
  private handlers = new Map<string, Handler>();
  private listeners = new Map<string, Set<(payload: never) => void>>();
  readonly bridge: Bridge;

  constructor() {
    const bridge: Record<string, Record<string, unknown>> = {};
    for (const [ns, methods] of Object.entries(API_METHODS)) {
      const target: Record<string, unknown> = (bridge[ns] = {});
      for (const name of Object.keys(methods)) {
        const key = `${ns}.${name}`;
        target[name] = async (...args: unknown[]) => {
          this.calls.push({ method: key, args });
          const handler = this.handlers.get(key);
          if (!handler) return { ok: false, error: appError('internal', `no answer set for ${key}`) };
          try {
            return { ok: true, value: await (handler as (...a: unknown[]) => unknown)(...args) };
          } catch (error) {
            if (error instanceof ApiError) return { ok: false, error: toPlain(error) };
            throw error;
          }
        };
      }
    }
    for (const [ns, events] of Object.entries(API_EVENTS)) {
      for (const [name, channel] of Object.entries(events)) {
        bridge[ns]![name] = (listener: (payload: never) => void) => {
          const set = this.listeners.get(channel) ?? new Set();
          set.add(listener);
          this.listeners.set(channel, set);
          return () => set.delete(listener);
        };
      }
    }
    this.bridge = bridge as unknown as Bridge;
  }

  /** What main answers to this method from now on. */
  answer<N extends Namespace, M extends keyof Api[N]>(ns: N, method: M, handler: Api[N][M]): this {
    this.handlers.set(`${ns}.${String(method)}`, handler as Handler);
    return this;
  }

  /** The method fails with this error (as main maps it: code, status, retryAfter). */
  fail<N extends Namespace>(ns: N, method: keyof Api[N], error: AppError): this {
    this.handlers.set(`${ns}.${String(method)}`, () => {
      throw new ApiError(error);
    });
    return this;
  }

  /** Main pushes an event to the window. */
  emit<C extends keyof EventPayloads>(channel: C, payload: EventPayloads[C]): void {
    for (const listener of this.listeners.get(channel) ?? []) (listener as (p: EventPayloads[C]) => void)(payload);
  }

  called(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  reset(): void {
    this.calls = [];
    this.handlers.clear();
    this.listeners.clear();
  }
}

function toPlain(error: ApiError): AppError {
  const plain: AppError = { code: error.code, message: error.message };
  if (error.status !== undefined) plain.status = error.status;
  if (error.retryAfter !== undefined) plain.retryAfter = error.retryAfter;
  return plain;
}

export const fakeApi = new FakeApi();
