/** A problem in the input that stops the build: always names the file, the line and the problem. */
export class SourceError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly problem: string;
  constructor(file: string, line: number | null, problem: string) {
    super(`${file}${line === null ? '' : `:${line}`}: ${problem}`);
    this.name = 'SourceError';
    this.file = file;
    this.line = line;
    this.problem = problem;
  }
}

export const THESIS_FILE = 'content/source/thesis.txt';
export const EMENDATIONS_FILE = 'content/emendations';
export const IRREGULARITIES_FILE = 'content/note-irregularities.json';
export const CONTINUATIONS_FILE = 'content/paragraph-continuations.json';

/**
 * A data file's schema problems as one line, each by the field at fault ("identifications.0.reason:
 * reason must say why"; "entry" for the file or entry as a whole). Shared by every parser of the
 * editor's data files (continuations, identifications, reconciliations, diagrams).
 */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.') || 'entry'}: ${i.message}`).join('; ');
}

/**
 * Where JSON.parse stopped, as a line: V8 names it for most errors ("… (line 2 column 1)") but not
 * for a trailing comma or a cut-off file, so those are found here.
 */
export function jsonErrorLine(text: string, message: string): number | null {
  const named = /\(line (\d+) column \d+\)/u.exec(message);
  if (named) return Number(named[1]);
  const lineAt = (offset: number): number => text.slice(0, offset).split('\n').length;
  const trailingComma = /Unexpected token '[\]}]'/u.test(message) ? /,\s*[\]}]/u.exec(text) : null;
  if (trailingComma) return lineAt(trailingComma.index);
  if (/end of JSON input/u.test(message)) return lineAt(text.length);
  return null;
}

/** Several problems reported together, the first one in the message. */
export class SourceErrors extends Error {
  readonly errors: SourceError[];
  constructor(errors: SourceError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'SourceErrors';
    this.errors = errors;
  }
}
