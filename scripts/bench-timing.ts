/** Wall time and this process's CPU time: on a shared machine the second shows what the code costs. */
export class Samples {
  readonly wall: number[] = [];
  readonly cpu: number[] = [];

  time<T>(fn: () => T): T {
    const done = this.start();
    const out = fn();
    done();
    return out;
  }

  async timeAsync<T>(fn: () => Promise<T>): Promise<T> {
    const done = this.start();
    const out = await fn();
    done();
    return out;
  }

  private start(): () => void {
    const cpu = process.cpuUsage();
    const t = performance.now();
    return () => {
      this.wall.push(performance.now() - t);
      const used = process.cpuUsage(cpu);
      this.cpu.push((used.user + used.system) / 1000);
    };
  }
}

/** The p-th percentile (0–100) of some samples. */
export function pct(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
