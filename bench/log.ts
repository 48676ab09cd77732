/** Progress on stderr (the table goes to stdout): a 10-minute run should say what it is doing. */
const started = performance.now();
export function progress(message: string): void {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
}
