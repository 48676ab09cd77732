/**
 * The Vant components the mini-program really loads (declared in any usingComponents, plus
 * what those use inside Vant), and the CSS variables their compiled styles read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readWxss } from './wxss';
import { varsIn } from './values';

export const VANT_DIST = path.resolve(__dirname, '../../../../node_modules/@vant/weapp/dist');

const readJson = (file: string): { usingComponents?: Record<string, string> } => JSON.parse(fs.readFileSync(file, 'utf8'));

function jsonFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'miniprogram_npm' || entry.name === 'node_modules') return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? jsonFiles(full) : entry.name.endsWith('.json') ? [full] : [];
  });
}

/** Vant folder names (`button`, `cell` …) the mini-program's own units declare. */
export function declaredVantComponents(miniprogramRoot: string): string[] {
  const names = jsonFiles(miniprogramRoot).flatMap((file) =>
    Object.values(readJson(file).usingComponents ?? {}).flatMap((target) => {
      const m = /^@vant\/weapp\/([\w-]+)\/index$/.exec(target);
      return m ? [m[1]] : [];
    }),
  );
  return [...new Set(names)].sort();
}

/** Those and every Vant component they load in turn (field → cell, goods-action-button → button …). */
export function vantComponentsInUse(miniprogramRoot: string): string[] {
  const found = new Set<string>();
  const visit = (name: string): void => {
    if (found.has(name)) return;
    found.add(name);
    const json = path.join(VANT_DIST, name, 'index.json');
    for (const target of Object.values(readJson(json).usingComponents ?? {})) {
      const m = /^\.\.\/([\w-]+)\/index$/.exec(target);
      if (m) visit(m[1]);
    }
  };
  declaredVantComponents(miniprogramRoot).forEach(visit);
  return [...found].sort();
}

export interface VantVarUse {
  component: string;
  name: string;
  /** The literal Vant falls back to when the page does not set the variable. */
  fallback?: string;
  /** The property it feeds (`color`, `font-size` …). */
  property: string;
  selector: string;
}

/** Every var() in a component's compiled WXSS (its imports included). */
export function vantVarUses(component: string): VantVarUse[] {
  return readWxss(path.join(VANT_DIST, component, 'index.wxss')).flatMap((d) =>
    varsIn(d.value).map((v) => ({ component, name: v.name, fallback: v.fallback, property: d.property, selector: d.selector })),
  );
}

/** Text colours and sizes a component writes as literals, with no variable to override them. */
export function vantHardCoded(component: string): { selector: string; property: string; value: string }[] {
  return readWxss(path.join(VANT_DIST, component, 'index.wxss'))
    .filter((d) => (d.property === 'color' || d.property === 'font-size') && !d.value.includes('var(') && !/^(inherit|transparent|currentcolor)$/i.test(d.value))
    .map((d) => ({ selector: d.selector, property: d.property, value: d.value }));
}
