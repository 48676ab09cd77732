/**
 * The back end's template config must name what the operator really picked in 公众平台 —
 * here, the templates the local WeChat stands for (emulator/wx/templates.json). A test may
 * read both; the emulator itself never reads the back end's config.
 */
import fs from 'node:fs';
import path from 'node:path';
import { OPERATOR_TEMPLATES } from '../../emulator/wx';
import { fieldTypeOf } from '../../emulator/wx/subscribe-field-rules';
import { loadTemplates } from '../../emulator/wx/templates';

interface ConfigTemplate {
  id: string;
  title: string;
  fields: Record<string, { key: string; label: string }>;
}
interface FixtureTemplate {
  title: string;
  keywords: { key: string; name: string }[];
}

const readJson = (file: string): any => JSON.parse(fs.readFileSync(file, 'utf8'));
const config = readJson(path.resolve(__dirname, '../../config/subscribe-templates.json')).templates as Record<string, ConfigTemplate>;
const fixture = readJson(OPERATOR_TEMPLATES) as Record<string, FixtureTemplate>;

describe('the templates the local WeChat stands for', () => {
  it('load, every keyword with a WeChat field type', () => {
    expect([...loadTemplates(OPERATOR_TEMPLATES)!.keys()].sort()).toEqual(
      Object.keys(fixture)
        .filter((id) => !id.startsWith('$'))
        .sort(),
    );
  });
});

describe.each(Object.entries(config))("the back end's %s template", (_name, template) => {
  const picked = fixture[template.id];
  const configKeys = Object.values(template.fields).map((field) => field.key);

  it('is a template the operator picked', () => {
    expect(picked).toBeDefined();
    expect(template.title).toBe(picked.title);
  });

  it.each(Object.entries(template.fields))('fills %s into a keyword of that template, of the same type and name', (_field, { key, label }) => {
    const keyword = picked.keywords.find((candidate) => candidate.key === key);
    expect(keyword).toBeDefined();
    expect(fieldTypeOf(key)).not.toBeNull();
    expect(fieldTypeOf(keyword!.key)).toBe(fieldTypeOf(key));
    expect(label).toBe(keyword!.name);
  });

  it('fills every keyword, since WeChat refuses a card with one missing', () => {
    expect([...configKeys].sort()).toEqual(picked.keywords.map((keyword) => keyword.key).sort());
  });
});
