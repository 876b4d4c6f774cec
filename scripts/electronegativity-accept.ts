/**
 * Which Electronegativity findings build/electronegativity-accepted.json accepts. An acceptance names the check, the
 * file and the exact code it was written for (the flagged line, whitespace collapsed), and accepts one finding
 * only: a new call of the same kind in the same file, or the accepted line changed, is reported again.
 */

export interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string; value: number };
  description: string;
  sample?: string;
}

export interface Accepted {
  check: string;
  file: string;
  /** The flagged code, as Electronegativity quotes it. */
  code: string;
  why: string;
}

export function normalizeCode(code: string): string {
  return code.replace(/\s+/g, ' ').trim();
}

/** The flagged code: Electronegativity's sample, or the source line it points at. */
export function codeOf(finding: Finding, readLine: (file: string, line: number) => string): string {
  return normalizeCode(finding.sample ?? readLine(finding.file, finding.location.line));
}

export interface Verdict {
  open: Finding[];
  /** Acceptances that matched nothing: the code they were written for is gone or changed. */
  stale: Accepted[];
}

export function judgeFindings(
  findings: readonly Finding[],
  accepted: readonly Accepted[],
  readLine: (file: string, line: number) => string,
): Verdict {
  const unused = [...accepted];
  const open: Finding[] = [];
  for (const finding of findings) {
    if (finding.severity.name === 'INFORMATIONAL') continue;
    const code = codeOf(finding, readLine);
    const index = unused.findIndex(
      (a) => a.check === finding.id && a.file === finding.file && normalizeCode(a.code) === code,
    );
    if (index < 0) open.push(finding);
    else unused.splice(index, 1);
  }
  return { open, stale: unused };
}
