/**
 * The model picker's search, one keystroke at a time, over a large server list (2,000 ids, 8 favourites and
 * recent ones): what each keystroke costs before React renders. Prints wall and CPU time and the load average.
 */
import { loadavg } from 'node:os';
import { pickerGroups } from '../src/renderer/src/features/picker/model-options';
import { pct, Samples } from './bench-timing';

const families = [
  'meta-llama/Llama-3.1',
  'Qwen/Qwen2.5',
  'mistralai/Mistral',
  'google/gemma-3',
  'deepseek-ai/DeepSeek',
];
const models = Array.from({ length: 2000 }, (_, i) => ({
  id: `${families[i % families.length]}-${(i % 90) + 1}B-Instruct-v${i}`,
  vision: i % 7 === 0,
  contextLength: i % 3 === 0 ? 131072 : null,
}));
const favorites = models.slice(0, 8).map((m) => m.id);
const recents = models.slice(8, 16).map((m) => m.id);
const typed = 'llama 70b instruct v1';

const samples = new Samples();
let shown = 0;
for (let round = 0; round < 200; round++) {
  for (let n = 0; n <= typed.length; n++) {
    shown += samples.time(() => pickerGroups({ models, favorites, recents }, typed.slice(0, n))).groups.length;
  }
}
const [one, five, fifteen] = loadavg().map((l) => l.toFixed(2));
console.log(
  `picker search: ${samples.wall.length} keystrokes over ${models.length} models: ` +
    `wall p50 ${pct(samples.wall, 50).toFixed(3)} ms, p99 ${pct(samples.wall, 99).toFixed(3)} ms; ` +
    `CPU p50 ${pct(samples.cpu, 50).toFixed(3)} ms, p99 ${pct(samples.cpu, 99).toFixed(3)} ms ` +
    `(load average ${one} ${five} ${fifteen}; ${shown} groups shown)`,
);
