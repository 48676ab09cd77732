/**
 * What WeChat knows about a node but simulate does not put in the DOM, written onto the DOM
 * so Chromium (screenshots, axe, the a11y measures) sees it too. simulate reflects only `id`,
 * `class`, `style` and `data-*`; the rest of a node's WXML attributes and its event bindings
 * stay on the exparser node (`_vt`, j-component's virtual node). From there:
 * - `aria-*` → the same attribute (`false` too: an unchecked radio says so), and
 *   `aria-role` → `role` (WeChat's spelling of it);
 * - `<page-meta page-style>` → `data-page-style` (page-html applies it to the body);
 * - a built-in control's `disabled` → `aria-disabled` (WeChat tells screen readers; WCAG
 *   exempts inactive controls from contrast);
 * - what WeChat's native layer draws from properties: an input's `value` and placeholder,
 *   an image's `src` (page-html shows them);
 * - a tap bound in our own WXML (pages and components/, not Vant's insides, whose tappable
 *   parts the measure knows by class) → `data-tap`.
 * Call it on the live page before page-html clones its DOM.
 */

interface VirtualNode {
  attrs?: { name: string; value: unknown }[];
  event?: Record<string, { name: string; handler?: string }>;
}

interface DomElement {
  tagName?: string;
  setAttribute(name: string, value: string): void;
}

interface ExparserNode {
  _vt?: VirtualNode;
  $$?: DomElement;
  childNodes?: ExparserNode[];
  shadowRoot?: ExparserNode;
  ownerShadowRoot?: { getHostNode(): ExparserNode };
}

/** Built-in tags' properties page-html draws from (simulate keeps them off the DOM). */
const DRAWN_PROPERTIES: Record<string, string[]> = {
  'wx-input': ['value', 'placeholder', 'placeholder-class', 'placeholder-style'],
  'wx-textarea': ['value', 'placeholder', 'placeholder-class', 'placeholder-style'],
  'wx-image': ['src'],
};

const CONTROLS = new Set(['wx-button', 'wx-input', 'wx-textarea', 'wx-checkbox', 'wx-radio', 'wx-switch', 'wx-picker', 'wx-slider']);

/** The events a finger raises: a node bound to one of them is something to tap. */
const TAP_EVENTS = new Set(['tap', 'longpress', 'longtap', 'click']);

const dashed = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const tagOf = (node: ExparserNode | undefined): string => (node?.$$?.tagName ?? '').toLowerCase();

/** Vant draws its own insides; what is tappable in there is known by class, not by binding. */
const insideVant = (node: ExparserNode): boolean => tagOf(node.ownerShadowRoot?.getHostNode()).startsWith('van-');

function reflect(node: ExparserNode): void {
  const dom = node.$$;
  const vt = node._vt;
  if (!dom?.tagName || !vt) return;
  for (const { name, value } of vt.attrs ?? []) {
    const attr = dashed(name);
    if (value === undefined || value === null || value === '') continue;
    // A false state is still a state: aria-checked="{{false}}" is an unchecked radio or switch.
    if (value === false && !attr.startsWith('aria-')) continue;
    if (attr === 'aria-role') dom.setAttribute('role', String(value));
    else if (attr.startsWith('aria-')) dom.setAttribute(attr, String(value));
    else if (attr === 'page-style' && tagOf(node) === 'wx-page-meta') dom.setAttribute('data-page-style', String(value));
    else if (DRAWN_PROPERTIES[tagOf(node)]?.includes(attr)) dom.setAttribute(attr, String(value));
    else if (attr === 'disabled' && CONTROLS.has(tagOf(node))) dom.setAttribute('aria-disabled', 'true');
  }
  const tappable = Object.values(vt.event ?? {}).some((e) => !!e.handler && TAP_EVENTS.has(e.name));
  if (tappable && !insideVant(node)) dom.setAttribute('data-tap', '');
}

/** Walks the page's whole exparser tree, shadow trees included. */
export function reflectWxAttributes(page: unknown): void {
  const root = (page as { _exparserNode?: ExparserNode })._exparserNode;
  if (!root) throw new Error('reflectWxAttributes: not a j-component instance (no _exparserNode)');
  const seen = new Set<ExparserNode>();
  const visit = (node: ExparserNode): void => {
    if (seen.has(node)) return;
    seen.add(node);
    reflect(node);
    for (const child of node.childNodes ?? []) visit(child);
    if (node.shadowRoot) visit(node.shadowRoot);
  };
  visit(root);
}
