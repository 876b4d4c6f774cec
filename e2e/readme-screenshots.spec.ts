import { chunked } from '../test/modelslab-server';
import { expect, test } from './fixtures/test';

/**
 * The README's screenshots: a conversation as a user would have it, with code, a table and math, in both themes.
 * `npm run screenshots` writes them to docs/ (DOCS_SCREENSHOTS=1); in `npm test` they land in e2e/output/ and the
 * spec checks that the showcase renders whole, with no error on screen.
 */
const QUESTION = 'How much faster is binary search than a linear scan? In TypeScript, please.';

const ANSWER = `Binary search halves the range at every step, so a sorted array of $n$ items needs at most
$\\lceil \\log_2 n \\rceil$ comparisons, where a linear scan may need all $n$.

\`\`\`ts
export function binarySearch(items: readonly number[], target: number): number {
  let [lo, hi] = [0, items.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid] === target) return mid;
    if (items[mid] < target) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
\`\`\`

| items | linear scan (worst) | binary search (worst) |
|---:|---:|---:|
| 1,000 | 1,000 | 10 |
| 1,000,000 | 1,000,000 | 20 |
| 1,000,000,000 | 1,000,000,000 | 30 |

Each step does constant work on half the range, so

$$
T(n) = T\\left(\\frac{n}{2}\\right) + O(1) \\implies T(n) = O(\\log n)
$$

Sorting first costs $O(n \\log n)$: worth it once you search the same array a few times.
`;

/** Older chats in the sidebar, newest first. */
const EARLIER = [
  'ISO date regex',
  'Three days in Lisbon',
  'CRDTs, simply',
  'SQL window functions',
  'Cover letter draft',
];

const MODEL = 'meta-llama/Llama-3.1-70B-Instruct';

test.beforeEach(({ mode }) => test.skip(mode === 'electron', 'earlier chats are seeded through the web harness'));

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme, viewport: { width: 1280, height: 960 } });

    test('the README screenshot shows a real conversation with code, a table and math', async ({ app }) => {
      const { page, web, server } = app;
      const { history, settings } = web!.services;
      settings.update({ defaultModel: MODEL });
      for (const title of [...EARLIER].reverse()) {
        history.createConversation({ title, model: MODEL, params: {}, systemPrompt: '' });
      }
      await web!.restart();

      server.next({ kind: 'stream', chunks: chunked(ANSWER, 4), delayMs: 2, usage: true });
      const composer = page.getByRole('textbox', { name: 'Message' });
      await composer.fill(QUESTION);
      await composer.press('Enter');
      const reply = page.locator('.message--assistant').last();
      await expect(reply).toHaveAttribute('data-status', 'done');
      const content = reply.locator('.message__content');
      await expect(content.locator('pre span[style]').first()).toBeVisible(); // shiki has coloured the code
      await expect(content.getByRole('table').getByRole('row')).toHaveCount(4);
      await expect(content.locator('.katex-display')).toHaveCount(1);
      await expect(page.locator('.message--user')).toHaveCount(1);
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expect(page.locator('body')).not.toContainText('You said');
      await page.mouse.move(0, 0);
      await composer.blur();

      const path = process.env.DOCS_SCREENSHOTS ? `docs/chat-${scheme}.png` : `e2e/output/readme-${scheme}.png`;
      await page.screenshot({ path });
    });
  });
}
