/**
 * What main's words cost: loading every language's menus, dialogs and starters at start, and building the menu
 * again when the language changes (in each language, on each platform). Prints wall and CPU time and the load average.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { cpuUsage } from 'node:process';
import { LANGUAGES } from '../src/shared/languages';
import { pct, Samples } from './bench-timing';

const wall = performance.now();
const cpu = cpuUsage();
const { wordsIn } = await import('../src/main/i18n');
const { buildMenuTemplate } = await import('../src/main/desktop/menu');
const { linkQuestion } = await import('../src/main/desktop/dialogs');
const loadWall = performance.now() - wall;
const loadCpu = cpuUsage(cpu);

const actions = {
  appName: 'ModelsLab Chat',
  isDev: false,
  send: () => {},
  showAbout: () => {},
  openDataFolder: () => {},
  showLogs: () => {},
  openUrl: () => {},
};
const menus = new Samples();
const dialogs = new Samples();
let items = 0;
for (let round = 0; round < 200; round++) {
  for (const language of LANGUAGES) {
    for (const platform of ['darwin', 'win32', 'linux']) {
      items += menus.time(() => buildMenuTemplate({ ...actions, platform }, language)).length;
    }
    const doubts = [{ kind: 'text-names-another-host' as const, named: ['modelslab.com'], host: 'evil.example' }];
    items += dialogs.time(() =>
      linkQuestion(wordsIn(language), { url: 'https://evil.example/', host: 'evil.example', doubts }),
    ).buttons.length;
  }
}
const ms = (values: number[]) => `p50 ${pct(values, 50).toFixed(3)} ms, p99 ${pct(values, 99).toFixed(3)} ms`;
const [one, five, fifteen] = loadavg().map((l) => l.toFixed(2));
console.log(
  `main's words: loading six languages: wall ${loadWall.toFixed(1)} ms, CPU ${((loadCpu.user + loadCpu.system) / 1000).toFixed(1)} ms; ` +
    `a menu built (${menus.wall.length} times): wall ${ms(menus.wall)}, CPU ${ms(menus.cpu)}; ` +
    `a link dialog's words (${dialogs.wall.length} times): wall ${ms(dialogs.wall)}, CPU ${ms(dialogs.cpu)} ` +
    `(load average ${one} ${five} ${fifteen}; ${items} items)`,
);
