import { describe, expect, it } from 'vitest';
import { refusals } from './lint-probe';

/**
 * The window's words come from the locale files: a literal that could be UI text is a lint error in the renderer
 * (eslint.config.js, i18next/no-literal-string). Probe files are linted with the real config.
 */
const RULES = new Set(['i18next/no-literal-string', 'no-restricted-syntax']);
const PATH = 'src/renderer/src/features/chat/Probe.tsx';
const count = async (code: string) => (await refusals(RULES, PATH, code)).length;

describe('literal UI text is refused', () => {
  it.each([
    ['text in markup', 'export const Probe = () => <p>Nothing here yet</p>;'],
    ['a one-word label', 'export const Probe = () => <button type="button">Send</button>;'],
    ['an accessible name', 'export const Probe = () => <button type="button" aria-label="Attach images" />;'],
    ['a placeholder', 'export const Probe = () => <input placeholder="Paste your key" />;'],
    ['a title', 'export const Probe = () => <span title="Show or hide the chat list" />;'],
    ['either side of a choice', 'export const Probe = (p: { on: boolean }) => <span>{p.on ? "Stop" : "Go"}</span>;'],
    ['a template', 'export const label = (n: number) => `${n} chats found`;'],
    ['a string kept for later', 'export const label = { empty: "No chats yet" };'],
    ['a table of labels in a constant', 'export const TITLES = { denied: "Not allowed here" };'],
    ['a template in a constant', 'export const HINT = `Try again in a moment`;'],
    ['a returned message', 'export function why(): string { return "Choose an answer first"; }'],
  ])('%s', async (_name, code) => {
    expect(await count(code)).toBeGreaterThan(0);
  });
});

describe('what cannot be UI text passes', () => {
  it.each([
    [
      'translated words',
      'import { useTranslation } from "react-i18next"; export const Probe = () => { const { t } = useTranslation(); return <p>{t("newChat")}</p>; };',
    ],
    [
      'class names and types',
      'export const Probe = () => <button type="button" className="button button--primary" />;',
    ],
    ['ids, MIME types and events', 'export const x = ["text/plain", "image/png", "keydown", "chat-list"];'],
    ['key names', 'export const isNext = (e: KeyboardEvent) => e.key === "ArrowDown" || e.key === "Enter";'],
    ['symbols', 'export const Probe = () => <span aria-hidden="true">‹ · ›</span>;'],
  ])('%s', async (_name, code) => {
    expect(await refusals(RULES, PATH, code)).toEqual([]);
  });
});

it('tests speak English to the code under test', async () => {
  expect(
    await refusals(
      RULES,
      'src/renderer/src/features/chat/Probe.test.tsx',
      'export const Probe = () => <p>Nothing here yet</p>;',
    ),
  ).toEqual([]);
});

describe('what main shows by itself speaks the locale files too', () => {
  const MENU = 'src/main/desktop/menu.ts';

  it.each([
    ['a literal menu label', "export const help = { label: 'Open Data Folder', click: () => {} };"],
    ['a one-word menu label', "export const file = { label: 'File', submenu: [] };"],
    ['a label built in a template', 'export const about = (appName: string) => ({ label: `About ${appName}` });'],
    ['a table of labels in a constant', "export const LABELS = { logs: 'Show the logs folder' };"],
  ])('%s in the menu is refused', async (_name, code) => {
    expect((await refusals(RULES, MENU, code)).length).toBeGreaterThan(0);
  });

  it('a dialog’s literal words are refused, and its translated ones pass', async () => {
    const dialogs = 'src/main/desktop/dialogs.ts';
    expect(
      await refusals(RULES, dialogs, "export const box = { title: 'Check this link', buttons: ['Open'] };"),
    ).not.toEqual([]);
    const translated =
      "import { wordsIn } from '../i18n'; export const box = () => ({ title: wordsIn('ja')('main:link.title') });";
    expect(await refusals(RULES, dialogs, translated)).toEqual([]);
  });

  it('the menu as it is passes, with the renderer’s own options', async () => {
    const { readFileSync } = await import('node:fs');
    expect(await refusals(RULES, MENU, readFileSync(MENU, 'utf8'))).toEqual([]);
    const { ESLint } = await import('eslint');
    const rule = async (path: string) =>
      ((await new ESLint().calculateConfigForFile(path)) as { rules: Record<string, unknown> }).rules[
        'i18next/no-literal-string'
      ];
    expect(await rule(MENU)).toEqual(await rule('src/renderer/src/App.tsx'));
  });
});
