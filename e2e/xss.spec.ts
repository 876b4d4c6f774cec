import { XSS_CORPUS } from './fixtures/xss-corpus';
import { expect, test } from './fixtures/test';

test('no payload of the XSS corpus runs, navigates or reaches the network when streamed as a reply', async ({
  app,
}) => {
  test.setTimeout(240_000);
  const { page, server } = app;
  const hits: number[] = [];
  const dialogs: string[] = [];
  const outside: string[] = [];
  const navigations: string[] = [];
  const violations: string[] = [];
  await page.exposeFunction('__xss', (n: number) => void hits.push(n));
  page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
  page.on('request', (r) => void (r.url().startsWith('http://app.local/') || outside.push(r.url())));
  page.on('framenavigated', (f) => void navigations.push(f.url()));
  page.on('popup', (p) => void navigations.push(`popup ${p.url()}`));
  await page.exposeFunction('__cspViolation', (v: string) => void violations.push(v));
  await page.evaluate(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    ),
  );
  const home = page.url();

  const composer = page.getByRole('textbox', { name: 'Message' });
  const reply = page.locator('.message--assistant').last();
  for (const [n, payload] of XSS_CORPUS.entries()) {
    const text = payload(n);
    // Small chunks, so every half-written state of the payload is rendered on the way too.
    server.next({ kind: 'stream', chunks: text.match(/[\s\S]{1,7}/g)!, delayMs: 1 });
    await composer.fill(`payload ${n}`);
    await composer.press('Enter');
    await expect(reply).toHaveAttribute('data-status', 'done');
    await expect(page.locator('.message--user .message__content').last()).toHaveText(`payload ${n}`);

    // What the reply became: no element that could run or load anything, no handler, no link but http(s)/mailto.
    const found = await reply.locator('.message__content').evaluate((root) => {
      const bad: string[] = [];
      for (const el of root.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        if (['script', 'iframe', 'img', 'object', 'embed', 'form', 'base', 'meta', 'link', 'style'].includes(tag))
          bad.push(tag);
        for (const a of el.attributes) {
          if (a.name.startsWith('on')) bad.push(`${tag}[${a.name}]`);
          if (
            /^(href|src|xlink:href|action|formaction|data|srcdoc)$/.test(a.name) &&
            !/^(https?:|mailto:)/.test(a.value)
          )
            bad.push(`${tag}[${a.name}=${a.value}]`);
        }
      }
      return bad;
    });
    expect(found, `payload ${n}: ${text}`).toEqual([]);

    // Pointing at and clicking whatever the reply shows must not run anything either.
    await reply.hover();
    for (const link of await reply.locator('.message__content a').all()) await link.click();
    expect({ hits, dialogs, url: page.url() }, `payload ${n}: ${text}`).toEqual({ hits: [], dialogs: [], url: home });
  }

  expect(hits).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(outside).toEqual([]);
  expect(navigations).toEqual([]);
  expect(violations).toEqual([]);
  expect(page.url()).toBe(home);
  expect(page.frames()).toHaveLength(1);
  expect(await page.evaluate(() => '__pwned' in window)).toBe(false);
  for (const url of app.opened) expect(url).toMatch(/^(https?:\/\/[^/]|mailto:)/);
});
