/**
 * Writes the latest table into README.md between the bench markers. Others edit the rest of
 * the README: read it fresh and replace only what lies between the markers.
 */
import fs from 'node:fs';
import path from 'node:path';

export const README = path.resolve(__dirname, '../README.md');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

export function writeReadmeSection(body: string, file = README): void {
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const section = `${START}\n${body.trim()}\n${END}`;
  const next = start >= 0 && end > start ? text.slice(0, start) + section + text.slice(end + END.length) : `${text.replace(/\s*$/, '\n')}\n## Performance\n\n${section}\n`;
  fs.writeFileSync(file, next);
}
