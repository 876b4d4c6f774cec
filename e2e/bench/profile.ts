import type { CDPSession, Page } from '@playwright/test';

/**
 * BENCH_PROFILE=1: a sampling CPU profile of the page over a run, printed as the functions that took the most
 * time (inclusive), over the whole run or within a span of trace time (the trace and the profile share a clock).
 */
export class Profile {
  private constructor(private readonly cdp: CDPSession) {}

  static async start(page: Page): Promise<Profile | null> {
    if (!process.env.BENCH_PROFILE) return null;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    return new Profile(cdp);
  }

  async stop(label: string, span?: { ts: number; dur: number }): Promise<void> {
    const { profile } = await this.cdp.send('Profiler.stop');
    await this.cdp.detach();
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const inclusive = new Map<string, number>();
    let at = profile.startTime;
    profile.samples!.forEach((id, i) => {
      const dt = profile.timeDeltas![i] ?? 0;
      at += dt;
      if (span && (at < span.ts || at > span.ts + span.dur)) return;
      const seen = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const f = nodes.get(n)!.callFrame;
        const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
        if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + dt / 1000);
        seen.add(key);
      }
    });
    const top = [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 60);
    console.log(`${label}:\n${top.map(([k, v]) => `  ${v.toFixed(1)} ms ${k}`).join('\n')}`);
  }
}
