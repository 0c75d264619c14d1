// custom-elements.json from the JSDoc of the element classes (@event, @csspart, @slot), rewritten to
// describe what the package ships: the public elements only, declared where a host imports them
// (dist/index.js, dist/admin.js) and defined in dist/define/<tag>.js, with typed events and the
// theme's custom properties (from src/elements/shared/base-styles.ts).
import { readdirSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
// A tag is public when the package exports its define module (`erp-widget/<tag>.js`).
const PUBLIC_TAGS = new Set(Object.keys(pkg.exports).map((key) => /^\.\/(erp-[\w-]+)\.js$/.exec(key)?.[1]).filter(Boolean));
// Where each public class is exported from: the side-effect-free entries.
const ENTRY_FOR_SOURCE = { 'src/index.ts': 'dist/index.js', 'src/admin.ts': 'dist/admin.js' };
// The analyzer also reports dispatches it cannot name (constants, variables): keep real event names.
const EVENT_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;

/** Our class files register nothing (src/define/* does): the tags come from `defineElement('tag', Class)`. */
function tagsFromDefineModules() {
  const tags = new Map();
  for (const file of readdirSync('src/define')) {
    const source = readFileSync(`src/define/${file}`, 'utf8');
    for (const [, tag, cls] of source.matchAll(/defineElement\(\s*'([^']+)',\s*(\w+)\s*\)/g)) {
      tags.set(cls, { tag, module: `dist/define/${file.replace(/\.ts$/, '.js')}` });
    }
  }
  return tags;
}

/** Names exported by an entry (`export { A, B } from …`, `export type { … }`, `export type * from …`). */
function exportedNames(file) {
  const names = new Set();
  for (const [, list] of readFileSync(file, 'utf8').matchAll(/export (?:type )?\{([^}]+)\}/g)) {
    for (const part of list.split(',')) names.add(part.replace(/^\s*type\s+/, '').trim());
  }
  return names;
}

/** The theme: each `var(--erp-…, default); /* description *\/` line of the shared base styles. */
function themeProperties() {
  const source = readFileSync('src/elements/shared/base-styles.ts', 'utf8');
  return [...source.matchAll(/var\((--erp-[\w-]+),\s*(.+?)\);\s*\/\*\s*(.+?)\s*\*\//g)].map(([, name, fallback, description]) => ({
    name,
    default: fallback,
    description,
  }));
}

const publicManifest = () => ({
  name: 'erp-public-manifest',
  packageLinkPhase({ customElementsManifest }) {
    const tags = tagsFromDefineModules();
    const entries = Object.entries(ENTRY_FOR_SOURCE).map(([source, path]) => ({ path, names: exportedNames(source) }));
    const theme = themeProperties();
    const modules = new Map(entries.map(({ path }) => [path, { kind: 'javascript-module', path, declarations: [], exports: [] }]));
    const defines = new Map();
    const problems = [];
    for (const declaration of customElementsManifest.modules.flatMap((m) => m.declarations ?? [])) {
      const found = tags.get(declaration.name);
      if (!found || !PUBLIC_TAGS.has(found.tag)) continue;
      const entry = entries.find(({ names }) => names.has(declaration.name));
      if (!entry) {
        problems.push(`${declaration.name} (<${found.tag}>) is exported from no entry`);
        continue;
      }
      const reference = (name) => {
        const from = entries.find(({ names }) => names.has(name));
        return from ? [{ name, package: pkg.name, module: from.path }] : [];
      };
      const events = (declaration.events ?? []).filter((e) => EVENT_NAME.test(e.name ?? ''));
      for (const event of events) {
        if (!event.type?.text) problems.push(`<${found.tag}> event ${event.name} has no type: write @event {Class} ${event.name}`);
        else if (event.type.text !== 'Event' && !reference(event.type.text).length) problems.push(`<${found.tag}> event ${event.name}: ${event.type.text} is not exported`);
        else if (event.type.text !== 'Event') event.type.references = reference(event.type.text);
      }
      const members = (declaration.members ?? [])
        .filter((m) => !m.static && !m.privacy && !m.name.startsWith('#') && !m.name.startsWith('_'))
        .map(({ inheritedFrom, ...member }) => member);
      const clean = {
        ...declaration,
        tagName: found.tag,
        customElement: true,
        members,
        events,
        cssProperties: theme,
        superclass: declaration.superclass?.package ? declaration.superclass : { name: 'LitElement', package: 'lit' },
      };
      const module = modules.get(entry.path);
      module.declarations.push(clean);
      module.exports.push({ kind: 'js', name: declaration.name, declaration: { name: declaration.name, module: entry.path } });
      defines.set(found.tag, {
        kind: 'javascript-module',
        path: found.module,
        declarations: [],
        exports: [{ kind: 'custom-element-definition', name: found.tag, declaration: { name: declaration.name, module: entry.path } }],
      });
    }
    const missing = [...PUBLIC_TAGS].filter((tag) => !defines.has(tag));
    if (missing.length) problems.push(`no element class for ${missing.map((t) => `<${t}>`).join(', ')}`);
    if (problems.length) throw new Error(`custom-elements.json:\n  ${problems.join('\n  ')}`);
    // The analyzer visits files in no fixed order: sort, so the generated files do not churn.
    for (const module of modules.values()) {
      module.declarations.sort((a, b) => a.tagName.localeCompare(b.tagName));
      module.exports.sort((a, b) => a.name.localeCompare(b.name));
    }
    customElementsManifest.modules = [...modules.values(), ...[...defines.values()].sort((a, b) => a.path.localeCompare(b.path))];
  },
});

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/generated/**'],
  outdir: '.',
  litelement: true,
  plugins: [publicManifest()],
};
