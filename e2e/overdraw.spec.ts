import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/test';

/**
 * Math that paints outside its own box: rules raised over the message before it (smashed, so the line does not
 * grow to hold them), kerned or lapped into the margin at either side. KaTeX caps each size at maxSize (20em), not
 * their sum. (KaTeX's \raisebox keeps its line tall enough even when smashed, so it is not among them.)
 */
const OVERDRAW: [string, string][] = [
  ['a raised rule', '$\\smash{\\rule[6em]{12em}{2em}}$'],
  ['a coloured raised rule', '$\\smash{\\color{red}\\rule[5em]{10em}{2em}}$'],
  ['a raised rule in a display formula', '$$\n\\smash{\\rule[8em]{12em}{2em}}\n$$'],
  ['a negative kern', '$\\kern{-6em}\\rule{8em}{2em}$'],
  ['negative kerns in a row', '$' + '\\kern{-2em}'.repeat(3) + '\\rule{8em}{2em}$'],
  ['a negative hspace', '$\\hspace{-6em}\\rule{8em}{2em}$'],
  ['a negative mkern', '$\\mkern-108mu\\rule{8em}{2em}$'],
  ['a left lap', '$\\llap{\\rule{8em}{2em}}$'],
  ['a math left lap', '$\\mathllap{\\rule{8em}{2em}}$'],
  ['kerns past the right edge', '$\\kern{20em}\\kern{20em}\\rule{8em}{2em}$'],
  ['a right lap past the right edge', '$\\kern{20em}\\kern{15em}\\mathrlap{\\rule{12em}{2em}}$'],
  ['a lowered and lapped rule', '$\\mathllap{\\rule[-3em]{8em}{4em}}$'],
];

/** Paint containment lets nothing out, the ring a focused link draws excepted (see styles.css). */
const CLIP_MARGIN = 4;

/**
 * Turns off, in this page only, what else keeps paint in (each block's content-visibility, a display formula's
 * overflow), and with `all` the message's own containment too: the planted fault the measure must catch.
 */
async function liftContainment(content: Locator, all: boolean) {
  await content.evaluate((root, all) => {
    const lift = (el: HTMLElement) => {
      el.style.setProperty('contain', 'none');
      el.style.setProperty('content-visibility', 'visible');
      el.style.setProperty('overflow', 'visible');
    };
    root.querySelectorAll<HTMLElement>('*').forEach(lift);
    if (all) lift(root as HTMLElement);
  }, all);
}

type Box = { x: number; y: number; width: number; height: number };
type Shots = { shown: Buffer; hidden: Buffer; again: Buffer };

/**
 * Pixels outside `box` (grown by CLIP_MARGIN on every side) that the reply's content paints: the same in both
 * screenshots with it shown, and different with it hidden. Whatever else changed meanwhile (a button's state
 * settling) differs between the two shown ones and is not counted.
 */
async function paintedPixels(page: Page, shots: Shots, box: Box): Promise<number> {
  const scratch = await page.context().newPage();
  try {
    const base64 = [shots.shown, shots.hidden, shots.again].map((b) => b.toString('base64'));
    return await scratch.evaluate(
      async ({ base64, box, margin }) => {
        const decode = async (data: string) => {
          const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const context = canvas.getContext('2d')!;
          context.drawImage(bitmap, 0, 0);
          const { data: rgba, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
          return { pixels: new Uint32Array(rgba.buffer), width, height };
        };
        // Rasterizing a layer again can shift an icon's anti-aliasing elsewhere by a few levels; paint differs more.
        const far = (p: number, q: number) =>
          [0, 8, 16].some((shift) => Math.abs(((p >>> shift) & 255) - ((q >>> shift) & 255)) > 48);
        const [shown, hidden, again] = await Promise.all(base64.map(decode));
        const { width, height } = shown!;
        let painted = 0;
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            const inside =
              x >= box.x - margin &&
              x < box.x + box.width + margin &&
              y >= box.y - margin &&
              y < box.y + box.height + margin;
            const i = y * width + x;
            if (!inside && shown!.pixels[i] === again!.pixels[i] && far(shown!.pixels[i]!, hidden!.pixels[i]!))
              painted++;
          }
        }
        return painted;
      },
      { base64, box, margin: CLIP_MARGIN },
    );
  } finally {
    await scratch.close();
  }
}

/** Pixels the reply paints outside its message: the window with its content shown, hidden, and shown again. */
async function paintedOutside(page: Page, reply: Locator): Promise<number> {
  const content = reply.locator('.message__content');
  const box = (await reply.boundingBox())!;
  const shot = () => page.screenshot({ animations: 'disabled' });
  const setVisibility = (value: string) =>
    content.evaluate((el, value) => ((el as HTMLElement).style.visibility = value), value);
  const shown = await shot();
  await setVisibility('hidden');
  const hidden = await shot();
  await setVisibility('');
  return paintedPixels(page, { shown, hidden, again: await shot() }, box);
}

test('no reply paints outside its message, however its math is raised, lowered, kerned or lapped', async ({ app }) => {
  test.setTimeout(240_000);
  const { page, server } = app;
  const composer = page.getByRole('textbox', { name: 'Message' });
  const reply = page.locator('.message--assistant').last();
  const figures: string[] = [];
  for (const [name, tex] of OVERDRAW) {
    server.next({ kind: 'stream', chunks: [`Before ${name}:\n\n${tex}\n\nThe end.`], delayMs: 1 });
    await composer.fill(`Draw ${name}`);
    await composer.press('Enter');
    await expect(reply).toHaveAttribute('data-status', 'done');
    await expect(reply.locator('.katex').first()).toBeAttached();
    await page.mouse.move(0, 0);

    const contained = await paintedOutside(page, reply);
    // The message's own containment holds alone, whatever the blocks inside it are wrapped in.
    await liftContainment(reply.locator('.message__content'), false);
    const alone = await paintedOutside(page, reply);
    // The tripwire: without it, the same measure sees each one paint outside the message.
    await liftContainment(reply.locator('.message__content'), true);
    const lifted = await paintedOutside(page, reply);
    figures.push(`${name}: ${contained} px outside, ${alone} by the message's containment alone, ${lifted} without`);
    expect({ contained, alone, leaks: lifted > 0 }, name).toEqual({ contained: 0, alone: 0, leaks: true });
  }
  console.log(`overdraw: ${OVERDRAW.length} formulas\n  ${figures.join('\n  ')}`);
});
