import type { ZodType } from 'zod';
import { API_METHODS, channelOf, type EventChannel, type EventPayloads, type Methods } from '../shared/contract';
import { appError, toAppError, type Result } from '../shared/errors';
import { argSchemas } from '../shared/schemas';

/** Where an event goes: the web contents that made the call. */
export interface SenderLike {
  send<C extends EventChannel>(channel: C, payload: EventPayloads[C]): void;
  isDestroyed(): boolean;
}

export interface InvokeEventLike {
  sender: SenderLike;
}

/** The part of Electron's ipcMain used here, so tests and the browser harness can supply their own. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export interface CallContext {
  sender: SenderLike;
}

type WithContext<F> = F extends (...args: infer A) => infer R ? (context: CallContext, ...args: A) => R : never;

/** Main's side of the contract: one function per method, each also told who called. */
export type Handlers = { [N in keyof Methods]: { [M in keyof Methods[N]]: WithContext<Methods[N][M]> } };

export interface IpcOptions {
  /** Rejects calls from frames that are not the app's own main frame. */
  isTrustedSender(event: InvokeEventLike): boolean;
  onUnexpectedError?(channel: string, error: unknown): void;
}

const MAX_MESSAGE = 300;

export function registerIpc(ipc: IpcMainLike, handlers: Handlers, options: IpcOptions): void {
  for (const [namespace, methods] of Object.entries(API_METHODS)) {
    for (const method of Object.keys(methods)) {
      const channel = channelOf(namespace, method);
      const schema = (argSchemas as unknown as Record<string, Record<string, ZodType<unknown[]>>>)[namespace]![method]!;
      const handler = (handlers as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[namespace]![
        method
      ]!;
      ipc.handle(channel, async (event, ...args): Promise<Result<unknown>> => {
        if (!options.isTrustedSender(event)) {
          return { ok: false, error: appError('forbidden', 'This window may not call the app.') };
        }
        const parsed = schema.safeParse(args);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
          const message = `${issue?.message ?? 'Invalid arguments'}${where}`.slice(0, MAX_MESSAGE);
          return { ok: false, error: appError('bad_input', message) };
        }
        try {
          return { ok: true, value: await handler({ sender: event.sender }, ...parsed.data) };
        } catch (error) {
          const known = toAppError(error);
          if (known.code === 'internal') options.onUnexpectedError?.(channel, error);
          return { ok: false, error: known };
        }
      });
    }
  }
}
