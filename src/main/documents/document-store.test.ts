import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { FileDocumentStore, serialise } from './document-store';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('keeps a text once under the hash of its content, whatever it was called', () => {
  dir = mkdtempSync(join(tmpdir(), 'docs-'));
  const store = new FileDocumentStore(dir);
  const a = store.put({ text: 'one\ntwo', pages: ['one', 'two'] });
  const b = store.put({ text: 'one\ntwo', pages: ['one', 'two'] });
  expect(a).toBe(b);
  expect(a).toBe(serialise({ text: 'one\ntwo', pages: ['one', 'two'] }).id);
  expect(readdirSync(dir)).toEqual([`${a}.json`]);
  expect(store.get(a)).toEqual({ text: 'one\ntwo', pages: ['one', 'two'] });
});

it('reads nothing that is not what the app wrote: a changed file, a link, a made-up id', () => {
  dir = mkdtempSync(join(tmpdir(), 'docs-'));
  const store = new FileDocumentStore(join(dir, 'documents'));
  const id = store.put({ text: 'the real text', pages: null });
  writeFileSync(join(dir, 'documents', `${id}.json`), JSON.stringify({ text: 'planted', pages: null }));
  expect(store.get(id)).toBeNull();

  writeFileSync(join(dir, 'secret.json'), JSON.stringify({ text: 'outside', pages: null }));
  const outside = serialise({ text: 'outside', pages: null }).id;
  symlinkSync(join(dir, 'secret.json'), join(dir, 'documents', `${outside}.json`));
  expect(store.get(outside)).toBeNull();
  expect(store.get('../secret')).toBeNull();

  // A link is not one of the store's files; removing by a path-like id reaches nothing outside.
  store.remove([id, '../secret.json']);
  expect(store.ids()).toEqual([]);
  expect(readdirSync(dir).sort()).toEqual(['documents', 'secret.json']);
});
