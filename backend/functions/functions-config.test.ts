import fs from 'node:fs';
import path from 'node:path';
import { WX_OPENAPI_PERMISSIONS } from '../platform/wx-gateway';

const root = path.resolve(__dirname, '../..');
const functionNames = fs
  .readdirSync(__dirname, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

describe('the cloud functions’ deploy configuration', () => {
  const cloudbaserc = JSON.parse(fs.readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')) as { functions: { name: string }[] };

  it.each(['case', 'subscription', 'admin'])('%s is deployed by cloudbaserc.json', (name) => {
    expect(functionNames).toContain(name);
    expect(cloudbaserc.functions.map((f) => f.name)).toContain(name);
  });

  it.each(['case', 'subscription', 'admin'])('%s asks only for open APIs the gateway knows', (name) => {
    const config = JSON.parse(fs.readFileSync(path.join(__dirname, name, 'config.json'), 'utf8'));
    for (const api of config.permissions.openapi) expect(WX_OPENAPI_PERMISSIONS).toContain(api);
  });

  it('case may send subscription messages and check content', () => {
    const config = JSON.parse(fs.readFileSync(path.join(__dirname, 'case', 'config.json'), 'utf8'));
    expect(config.permissions.openapi).toEqual(expect.arrayContaining(['subscribeMessage.send', 'security.msgSecCheck']));
  });

  it('admin may draw stations’ mini-program codes', () => {
    const config = JSON.parse(fs.readFileSync(path.join(__dirname, 'admin', 'config.json'), 'utf8'));
    expect(config.permissions.openapi).toContain('wxacode.getUnlimited');
  });

  it('every function folder is deployed, and cloudbaserc.json deploys no function that has no folder', () => {
    expect([...cloudbaserc.functions.map((f) => f.name)].sort()).toEqual([...functionNames].sort());
  });
});
