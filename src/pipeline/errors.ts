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

/** Several problems reported together, the first one in the message. */
export class SourceErrors extends Error {
  readonly errors: SourceError[];
  constructor(errors: SourceError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'SourceErrors';
    this.errors = errors;
  }
}
