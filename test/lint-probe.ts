import { ESLint } from 'eslint';

let eslint: ESLint | null = null;

/**
 * What the real config (eslint.config.js) reports for a probe file: `code` linted as if it were at `path` (the file
 * exists only as text), keeping only the messages of `rules`.
 */
export async function refusals(rules: ReadonlySet<string>, path: string, code: string): Promise<string[]> {
  eslint ??= new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath: path });
  return result!.messages.filter((m) => m.ruleId && rules.has(m.ruleId)).map((m) => m.message);
}
