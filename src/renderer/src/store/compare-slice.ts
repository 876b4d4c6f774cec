import type { StateCreator } from 'zustand';
import { COMPARE_COLUMNS, type ArenaSummary, type CompareEvent, type CompareRun } from '../../../shared/compare';
import type { ChatParams, Message } from '../../../shared/domain';
import { appError, toAppError, type AppError } from '../../../shared/errors';
import { getApi } from '../api';
import { i18n } from '../i18n';
import { DeltaPump, type Frames } from './delta-pump';
import type { AppState } from './index';

/** Text or an end that came for a column before the window knew its run (main streams before it answers). */
interface Early {
  text: string;
  final: Message | null;
}

/** Compare mode: the compare slice writes these fields and no other does. */
export interface CompareState {
  compareOn: boolean;
  /** The models the next comparison asks, in column order. */
  compareModels: string[];
  /** Columns with parameters of their own, by model; the others use the chat's. */
  compareColumnParams: Record<string, ChatParams>;
  compareRuns: Record<string, CompareRun>;
  /** Per conversation: the run at the end of its thread that waits for an answer to be chosen. */
  compareWaiting: Record<string, string | null>;
  compareArena: Record<string, ArenaSummary>;
  compareEarly: Record<string, Early>;
  compareError: AppError | null;
}

export interface CompareActions {
  setCompareOn(on: boolean): void;
  /** The models the next comparison asks, in column order: repeats dropped, no more than the most columns. */
  setCompareModels(models: readonly string[]): void;
  setCompareColumnParams(model: string, params: ChatParams | null): void;
  /** Sends the composer's text to every chosen model; the chat's own settings go with it. */
  startCompare(content: string): Promise<boolean>;
  /** Stops every column of the open chat's run (Esc). */
  stopCompare(): Promise<void>;
  stopCompareColumn(messageId: string): Promise<void>;
  chooseAnswer(messageId: string): Promise<void>;
  regenerateColumn(messageId: string, params?: ChatParams): Promise<void>;
  continueColumn(messageId: string): Promise<void>;
  /** The run waiting at the end of a chat, if any, and its arena summary. */
  loadCompare(conversationId: string): Promise<void>;
  applyCompareEvent(event: CompareEvent): void;
  /** Follows main's compare events; returns the unsubscribe. */
  listenCompare(): () => void;
  dismissCompareError(): void;
}

export type CompareSlice = CompareState & CompareActions;

const compareState = (): CompareState => ({
  compareOn: false,
  compareModels: [],
  compareColumnParams: {},
  compareRuns: {},
  compareWaiting: {},
  compareArena: {},
  compareEarly: {},
  compareError: null,
});

/** A column's message with new text or its final copy; the run unchanged when no column has that message. */
function withColumnMessage(run: CompareRun, messageId: string, change: (m: Message) => Message): CompareRun {
  const at = run.columns.findIndex((c) => c.message.id === messageId);
  if (at < 0) return run;
  const columns = [...run.columns];
  columns[at] = { ...columns[at]!, message: change(columns[at]!.message) };
  return { ...run, columns };
}

/** A run as main described it, with what arrived for its columns before that answer did. */
function withEarly(run: CompareRun, early: Record<string, Early>): CompareRun {
  let out = run;
  for (const c of run.columns) {
    const held = early[c.message.id];
    if (held) out = withColumnMessage(out, c.message.id, (m) => held.final ?? { ...m, content: m.content + held.text });
  }
  return out;
}

/** A run the window holds, unless it is gone; keeps text that streamed in since main made `run`. */
function merged(state: CompareState, run: CompareRun): CompareRun {
  const known = state.compareRuns[run.id];
  const fresh = withEarly(run, state.compareEarly);
  if (!known) return fresh;
  const columns = fresh.columns.map((c) => {
    const old = known.columns.find((k) => k.message.id === c.message.id)?.message;
    return old && old.status === 'streaming' && old.content.length > c.message.content.length
      ? { ...c, message: old }
      : c;
  });
  return { ...fresh, columns };
}

function withRun(state: CompareState, run: CompareRun): Partial<CompareState> {
  const early = { ...state.compareEarly };
  for (const c of run.columns) delete early[c.message.id];
  return {
    compareRuns: { ...state.compareRuns, [run.id]: merged(state, run) },
    compareEarly: early,
    compareWaiting:
      run.chosenId === null ? { ...state.compareWaiting, [run.conversationId]: run.id } : state.compareWaiting,
  };
}

type Delta = { runId: string; messageId: string; text: string };

function withDelta(state: CompareState, d: Delta): Partial<CompareState> {
  const run = state.compareRuns[d.runId];
  if (run && run.columns.some((c) => c.message.id === d.messageId)) {
    const next = withColumnMessage(run, d.messageId, (m) => ({ ...m, content: m.content + d.text }));
    return { compareRuns: { ...state.compareRuns, [d.runId]: next } };
  }
  const held = state.compareEarly[d.messageId] ?? { text: '', final: null };
  return { compareEarly: { ...state.compareEarly, [d.messageId]: { ...held, text: held.text + d.text } } };
}

/** `frames`: the store's own, which a store reset cancels. */
export const createCompareSlice =
  (frames: Frames): StateCreator<AppState, [], [], CompareSlice> =>
  (set, get) => {
    // Four columns at once still reach the store once per frame, at a pace the page keeps up with (delta-pump.ts).
    // The pump keys by message; its `conversationId` carries the run's id here.
    const deltas = new DeltaPump(frames, (batch) =>
      set((s) =>
        batch.reduce<CompareState>(
          (acc, d) => ({
            ...acc,
            ...withDelta(acc, { runId: d.conversationId, messageId: d.messageId, text: d.text }),
          }),
          s,
        ),
      ),
    );
    const fail = (error: unknown) => set({ compareError: toAppError(error) });
    const waitingRun = (s: AppState) => {
      const runId = s.activeId ? s.compareWaiting[s.activeId] : null;
      return runId ? s.compareRuns[runId] : undefined;
    };

    return {
      ...compareState(),

      setCompareOn: (on) => {
        set({ compareOn: on, compareError: null });
        if (on) void get().loadModels();
      },

      setCompareModels: (models) => set({ compareModels: [...new Set(models)].slice(0, COMPARE_COLUMNS.max) }),

      setCompareColumnParams: (model, params) =>
        set((s) => {
          const next = { ...s.compareColumnParams };
          if (params) next[model] = params;
          else delete next[model];
          return { compareColumnParams: next };
        }),

      startCompare: async (content) => {
        const { activeId, draft, compareModels, compareColumnParams } = get();
        if (compareModels.length < COMPARE_COLUMNS.min) {
          set({
            // Made in the window, so worded here, in the language of the moment it happens (as main's are).
            compareError: appError('bad_input', i18n.t('compare:bar.tooFew', COMPARE_COLUMNS)),
          });
          return false;
        }
        set({ compareError: null });
        try {
          const started = await getApi().compare.start({
            conversationId: activeId,
            content,
            systemPrompt: draft.systemPrompt,
            params: draft.params,
            columns: compareModels.map((model) =>
              compareColumnParams[model] ? { model, params: compareColumnParams[model] } : { model },
            ),
          });
          set((s) => withRun(s, started.run));
          get().placeConversation(started.conversation, activeId === null);
          // The chat slice shows the thread (now ending at the question) and takes the chat's settings.
          await get().openConversation(started.conversation.id);
          return true;
        } catch (error) {
          fail(error);
          return false;
        }
      },

      stopCompare: async () => {
        const run = waitingRun(get());
        if (run) await getApi().compare.stop(run.id);
      },

      stopCompareColumn: async (messageId) => {
        await getApi().chat.stop(messageId);
      },

      chooseAnswer: async (messageId) => {
        try {
          const detail = await getApi().compare.choose(messageId);
          const id = detail.conversation.id;
          set((s) => ({ compareWaiting: { ...s.compareWaiting, [id]: null } }));
          // The thread now ends at the chosen answer, with the others as its versions, and the chat takes its model.
          await get().openConversation(id);
          await get().loadCompare(id);
        } catch (error) {
          fail(error);
        }
      },

      regenerateColumn: async (messageId, params) => {
        try {
          const run = await getApi().compare.regenerate(params ? { messageId, params } : { messageId });
          set((s) => withRun(s, run));
        } catch (error) {
          fail(error);
        }
      },

      continueColumn: async (messageId) => {
        try {
          const message = await getApi().chat.continue(messageId);
          const runId = message.compare?.runId;
          set((s) => {
            const run = runId ? s.compareRuns[runId] : undefined;
            if (!run) return {};
            return { compareRuns: { ...s.compareRuns, [run.id]: withColumnMessage(run, messageId, () => message) } };
          });
        } catch (error) {
          fail(error);
        }
      },

      loadCompare: async (conversationId) => {
        try {
          const state = await getApi().compare.state(conversationId);
          set((s) => ({
            ...(state.run
              ? withRun(s, state.run)
              : { compareWaiting: { ...s.compareWaiting, [conversationId]: null } }),
            compareArena: { ...s.compareArena, [conversationId]: state.arena },
          }));
        } catch (error) {
          fail(error);
        }
      },

      applyCompareEvent: (event) => {
        if (event.type === 'delta') {
          return deltas.push({
            type: 'delta',
            conversationId: event.runId,
            messageId: event.messageId,
            text: event.text,
          });
        }
        deltas.drop(event.message.id);
        const { runId, message } = event;
        set((s) => {
          const run = s.compareRuns[runId];
          if (!run || !run.columns.some((c) => c.message.id === message.id)) {
            return { compareEarly: { ...s.compareEarly, [message.id]: { text: '', final: message } } };
          }
          return { compareRuns: { ...s.compareRuns, [runId]: withColumnMessage(run, message.id, () => message) } };
        });
        // The last column in: the arena counts this turn's facts.
        const run = get().compareRuns[runId];
        if (run && run.columns.every((c) => c.message.status !== 'streaming'))
          void get().loadCompare(run.conversationId);
      },

      listenCompare: () => getApi().compare.onEvent((event) => get().applyCompareEvent(event)),

      dismissCompareError: () => set({ compareError: null }),
    };
  };

/** The open chat's run waiting for its answer, if any. */
export function selectWaitingRun(state: AppState): CompareRun | null {
  const runId = state.activeId ? state.compareWaiting[state.activeId] : null;
  return (runId && state.compareRuns[runId]) || null;
}

/** Whether a column of the open chat's waiting run is still streaming. */
export function selectCompareStreaming(state: AppState): boolean {
  return selectWaitingRun(state)?.columns.some((c) => c.message.status === 'streaming') ?? false;
}
