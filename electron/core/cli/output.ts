/**
 * Where CLI commands write. Results go to stdout (one JSON object with
 * `--json`); progress and errors go to stderr.
 */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  json(value: unknown): void;
  fail(code: number): void;
  exitCode(): number;
}

export function createOutput(): Output {
  let code = 0;
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    json: (value) =>
      process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    fail: (next) => {
      code = next;
    },
    exitCode: () => code,
  };
}
