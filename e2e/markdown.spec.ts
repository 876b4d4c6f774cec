import type { Page } from '@playwright/test';
import { chunked } from '../test/modelslab-server';
import { RICH_REPLY } from './fixtures/rich-reply';
import { ask, expect, test } from './fixtures/test';
import { expectAxeClean } from './fixtures/axe';

const reply = (page: Page) => page.locator('.message--assistant').last();

/** Records CSP violations: KaTeX and shiki must render without one. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

test('code, a table, math and a task list render from a streamed reply', async ({ app }) => {
  const violations = await watchCsp(app.page);
  const outside: string[] = [];
  app.page.on('request', (r) => void (r.url().startsWith('http://app.local/') || outside.push(r.url())));
  app.server.next({ kind: 'stream', chunks: chunked(RICH_REPLY, 3), delayMs: 5 });
  await ask(app.page, 'Explain binary search', { until: 'sent' });
  await expect(reply(app.page)).toHaveAttribute('data-status', 'done');
  const content = reply(app.page).locator('.message__content');

  await expect(content.getByRole('heading', { name: 'Binary search, in brief' })).toBeVisible();
  await expect(content.locator('strong')).toHaveText('sorted');
  await expect(content.locator('del')).toHaveText('linear');

  const code = content.locator('.code-block');
  await expect(code.locator('.code-block__lang')).toHaveText('ts');
  await expect(code.locator('pre')).toContainText('const mid = (lo + hi) >>> 1; // no overflow');
  // shiki colours each token; wait for the lazily loaded grammar
  await expect(code.locator('pre span[style]').first()).toBeVisible();
  expect(await code.locator('pre span[style]').count()).toBeGreaterThan(40);
  const keyword = code.locator('pre span[style]', { hasText: /^export$/ });
  await expect(keyword).toHaveCSS('color', 'rgb(207, 34, 46)');

  const table = content.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['n', 'linear steps', 'binary steps']);
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('cell', { name: '1,000,000' }).first()).toHaveCSS('text-align', 'right');

  // Inline and display math, each with MathML for screen readers.
  await expect(content.locator('.katex')).toHaveCount(4);
  await expect(content.locator('.katex-display')).toHaveCount(1);
  await expect(content.locator('.katex-mathml math')).toHaveCount(4);
  await expect(content.locator('.katex-display annotation')).toContainText('T(n) = T\\left(\\frac{n}{2}\\right)');
  // KaTeX sizes its boxes with inline styles; under the CSP they must still apply (a blocked one leaves the
  // fraction's box at its natural height).
  const vlist = content.locator('.katex-display .mfrac .vlist').first();
  const { inline, px, font } = await vlist.evaluate((el) => ({
    inline: (el as HTMLElement).style.height,
    px: parseFloat(getComputedStyle(el).height),
    font: parseFloat(getComputedStyle(el).fontSize),
  }));
  expect(inline).toMatch(/^[\d.]+em$/);
  expect(px).toBeCloseTo(parseFloat(inline) * font, 0);

  await expect(content.getByRole('checkbox', { name: 'Done' }).first()).toBeChecked();
  await expect(content.getByRole('checkbox', { name: 'Done' }).last()).not.toBeChecked();

  expect(await violations()).toEqual([]);
  expect(outside).toEqual([]);
});

test('a link opens in the OS browser through main, and the page stays put', async ({ app }) => {
  app.server.next({
    kind: 'stream',
    chunks: ['See [the docs](https://docs.modelslab.com/llm?x=1) ', 'or www.example.org or mail ', '<mailto:a@b.co>.'],
  });
  await ask(app.page, 'Where are the docs?', { until: 'sent' });
  await expect(reply(app.page)).toHaveAttribute('data-status', 'done');
  const url = app.page.url();
  await reply(app.page).getByRole('link', { name: 'the docs' }).click();
  await reply(app.page).getByRole('link', { name: 'www.example.org' }).click();
  await reply(app.page).getByRole('link', { name: 'a@b.co' }).click({ button: 'middle' });
  await reply(app.page).getByRole('link', { name: 'a@b.co' }).click();
  await expect
    .poll(() => app.opened)
    .toEqual(['https://docs.modelslab.com/llm?x=1', 'http://www.example.org/', 'mailto:a@b.co']);
  expect(app.page.url()).toBe(url);
  expect(app.page.context().pages()).toHaveLength(1);
});

test('an image in a reply is never fetched: it becomes a link that opens through main', async ({ app }) => {
  const outside: string[] = [];
  app.page.on('request', (r) => void (r.url().startsWith('http://app.local/') || outside.push(r.url())));
  app.server.next({
    kind: 'stream',
    chunks: ['Here: ![a cat](http://127.0.0.1:9/cat.png) ', 'and ![](ftp://x/y.png)'],
  });
  await ask(app.page, 'Show me a cat', { until: 'sent' });
  await expect(reply(app.page)).toHaveAttribute('data-status', 'done');
  await expect(reply(app.page).locator('img')).toHaveCount(0);
  await expect(reply(app.page).locator('.md-image')).toHaveText(['Image: a cat', 'Image: untitled']);
  await reply(app.page).getByRole('link', { name: 'Image: a cat' }).click();
  await expect.poll(() => app.opened).toEqual(['http://127.0.0.1:9/cat.png']);
  expect(outside).toEqual([]);
});

test('Copy puts the code on the clipboard, through main', async ({ app }) => {
  app.server.next({ kind: 'stream', chunks: ['```python\nprint("hi")\n', 'x = 1\n```\n'] });
  await ask(app.page, 'Some code', { until: 'sent' });
  await expect(reply(app.page)).toHaveAttribute('data-status', 'done');
  const copy = reply(app.page).getByRole('button', { name: 'Copy python code' });
  await copy.click();
  await expect(copy).toHaveText('Copied');
  expect(app.copied).toEqual(['print("hi")\nx = 1']);
});

test('half-written Markdown mid-stream: an open fence is code already, a half table waits for its rows', async ({
  app,
}) => {
  app.server.next({
    kind: 'stream',
    chunks: ['Intro line.\n\n', '```js\nconst a = 1;\n', 'const b'],
    hang: true,
  });
  await ask(app.page, 'Code please', { until: 'sent' });
  const code = reply(app.page).locator('.code-block pre');
  await expect(code).toHaveText('const a = 1;\nconst b');
  await expect(reply(app.page).locator('.code-block__lang')).toHaveText('js');
  await app.page.getByRole('button', { name: 'Stop' }).click();
  await expect(reply(app.page)).toHaveAttribute('data-status', 'stopped');

  app.server.next({
    kind: 'stream',
    chunks: ['Numbers:\n\n', '| a | b |\n|---', '|---|\n| 1 | 2 |\n| 3 '],
    hang: true,
  });
  await ask(app.page, 'A table please', { until: 'sent' });
  await expect(reply(app.page).getByRole('row')).toHaveCount(2);
  await expect(reply(app.page)).not.toContainText('|');
  await expect(reply(app.page).getByRole('cell')).toHaveText(['1', '2']);
  await app.page.getByRole('button', { name: 'Stop' }).click();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`a rich reply looks right in the ${scheme} theme and passes axe`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    app.server.next({ kind: 'stream', chunks: chunked(RICH_REPLY, 6), delayMs: 2 });
    await ask(app.page, 'Explain binary search', { until: 'sent' });
    await expect(reply(app.page)).toHaveAttribute('data-status', 'done');
    await expect(reply(app.page).locator('.code-block pre span[style]').first()).toBeVisible();
    await app.page.setViewportSize({ width: 1200, height: 1400 });
    await app.page.locator('.message-list').evaluate((el) => (el.scrollTop = 0));
    await app.page.screenshot({ path: `e2e/output/markdown-${scheme}.png` });
    await expectAxeClean(app.page);
  });
}
