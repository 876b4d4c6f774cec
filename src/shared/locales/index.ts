// English is the source: every other language is checked against it (test/locales.test.ts), and the keys are typed from it.
import common from './en/common.json';
import app from './en/app.json';
import assistants from './en/assistants.json';
import chat from './en/chat.json';
import compare from './en/compare.json';
import context from './en/context.json';
import documents from './en/documents.json';
import errors from './en/errors.json';
import history from './en/history.json';
import keys from './en/keys.json';
import layout from './en/layout.json';
import markdown from './en/markdown.json';
import picker from './en/picker.json';
import recovery from './en/recovery.json';
import search from './en/search.json';
import settings from './en/settings.json';
import shortcuts from './en/shortcuts.json';
import sidebar from './en/sidebar.json';
import update from './en/update.json';
import main from './en/main.json';
import starters from './en/starters.json';
import fields from './en/fields.json';

/** One namespace per feature folder (src/renderer/src/features), plus 'common' words, 'fields' (parameters and addresses, shared by several features), 'main' (menus and native dialogs) and 'starters' (the assistants a new install starts with). */
export const NAMESPACES = [
  'common',
  'app',
  'assistants',
  'chat',
  'compare',
  'context',
  'documents',
  'errors',
  'history',
  'keys',
  'layout',
  'markdown',
  'picker',
  'recovery',
  'search',
  'settings',
  'shortcuts',
  'sidebar',
  'update',
  'main',
  'starters',
  'fields',
] as const;

export type Namespace = (typeof NAMESPACES)[number];

export const en = {
  common,
  app,
  assistants,
  chat,
  compare,
  context,
  documents,
  errors,
  history,
  keys,
  layout,
  markdown,
  picker,
  recovery,
  search,
  settings,
  shortcuts,
  sidebar,
  update,
  main,
  starters,
  fields,
};

export type Resources = typeof en;
