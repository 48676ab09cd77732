import fs from 'node:fs';

/**
 * The pages an app.json declares (main package and subpackages), standing in for "pages of
 * the published version" that WeChat checks `page` against (errcode 41030). Read on every
 * call because the mini-program changes while the emulator runs; no file, no check.
 */
export type AppPages = () => ReadonlySet<string> | null;

interface AppJson {
  pages?: string[];
  subpackages?: { root: string; pages?: string[] }[];
  subPackages?: { root: string; pages?: string[] }[];
}

export function appPagesFrom(appJsonPath: string | undefined): AppPages {
  return () => {
    if (!appJsonPath || !fs.existsSync(appJsonPath)) return null;
    const app = JSON.parse(fs.readFileSync(appJsonPath, 'utf8')) as AppJson;
    const pages = new Set(app.pages ?? []);
    for (const sub of [...(app.subpackages ?? []), ...(app.subPackages ?? [])]) {
      const root = sub.root.replace(/^\/+|\/+$/g, '');
      for (const page of sub.pages ?? []) pages.add(`${root}/${page}`);
    }
    return pages;
  };
}

/** `pages/case/index?id=1` → `pages/case/index`, the part WeChat looks up. */
export function pagePath(page: string): string {
  return page.split('?')[0];
}
