// custom-elements.json as it ships: every module it names is in the tarball, it lists exactly the
// elements the package exports, every event has a name and a type the package exports, and the
// README's element and theming tables say the same. (test/packaging/manifest.test.ts checks it
// against the elements themselves in the browser.)
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packTarball, tarballFiles } from './pack.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
let files;
let readPacked;
let manifest;
let pkg;
let declarations;
before(async () => {
  const tarball = await packTarball();
  files = new Set(tarballFiles().map((f) => f.replace(/^package\//, '')));
  // The manifest and package.json as they are in the tarball, not as in the working tree.
  readPacked = (path) => execFileSync('tar', ['-xzOf', tarball, `package/${path}`], { encoding: 'utf8' });
  pkg = JSON.parse(readPacked('package.json'));
  manifest = JSON.parse(readPacked(pkg.customElements));
  declarations = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, module: m.path })));
});

test('names only modules that are in the tarball', () => {
  assert.ok(files.has(pkg.customElements), `${pkg.customElements} is in the tarball`);
  const paths = manifest.modules.map((m) => m.path);
  const references = manifest.modules.flatMap((m) => (m.exports ?? []).map((e) => e.declaration?.module).filter(Boolean));
  const typeReferences = declarations.flatMap((d) => (d.events ?? []).flatMap((e) => e.type?.references ?? []).map((r) => r.module));
  for (const path of new Set([...paths, ...references, ...typeReferences])) {
    assert.ok(files.has(path), `${path} (named in custom-elements.json) is in the tarball`);
    assert.ok(!path.startsWith('src/'), `${path}: src/ is not shipped`);
  }
});

test('lists exactly the elements the package exports, each defined by its own module', () => {
  const exported = Object.keys(pkg.exports).map((key) => /^\.\/(erp-[\w-]+)\.js$/.exec(key)?.[1]).filter(Boolean).sort();
  assert.deepEqual(declarations.map((d) => d.tagName).sort(), exported);
  for (const tag of exported) {
    const define = manifest.modules.find((m) => m.path === pkg.exports[`./${tag}.js`].default.replace(/^\.\//, ''));
    assert.ok(define, `a module for ${pkg.exports[`./${tag}.js`].default}`);
    const definition = define.exports.find((e) => e.kind === 'custom-element-definition');
    assert.equal(definition?.name, tag);
    const declared = declarations.find((d) => d.name === definition.declaration.name);
    assert.equal(declared?.module, definition.declaration.module, `<${tag}>'s class is declared where the definition says`);
  }
});

test('gives every event a name and a type the package exports', () => {
  const exportedTypes = new Set(
    ['dist/index.d.ts', 'dist/admin.d.ts'].flatMap((file) =>
      [...readPacked(file).matchAll(/export (?:type )?\{([^}]+)\}/g)].flatMap(([, list]) => list.split(',').map((n) => n.replace(/^\s*type\s+/, '').trim())),
    ),
  );
  for (const d of declarations) {
    for (const event of d.events ?? []) {
      assert.match(event.name ?? '', /^erp(-[a-z]+)+$/, `<${d.tagName}> has an event with a real name`);
      assert.ok(event.type?.text, `<${d.tagName}> ${event.name} has a type`);
      if (event.type.text !== 'Event') assert.ok(exportedTypes.has(event.type.text), `${event.type.text} (<${d.tagName}> ${event.name}) is exported`);
    }
    for (const attribute of d.attributes ?? []) assert.ok(attribute.name && attribute.fieldName, `<${d.tagName}>: an attribute with a name and property`);
  }
  const tab = declarations.find((d) => d.tagName === 'erp-tab');
  assert.ok(tab.events.some((e) => e.name === 'erp-sign-in-request'), 'the event a host must handle after a 401 is on <erp-tab>');
});

/** The rows of the README table under `**title**` in the section that starts with `heading`. */
function readmeTable(readme, heading, title) {
  const start = readme.indexOf(heading);
  assert.ok(start >= 0, `README has ${heading}`);
  const end = readme.indexOf('\n### ', start + heading.length);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const at = section.indexOf(`**${title}**`);
  if (at < 0) return [];
  // The first table after the title: `**Events**`, a blank line, the table.
  const block = section.slice(at).split('\n\n')[1] ?? '';
  return block.split('\n').filter((l) => l.startsWith('| `')).map((l) => /^\| `([^`]+)`/.exec(l)[1]);
}

test("agrees with the README's element reference and theming table", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const d of declarations) {
    const heading = `### \`<${d.tagName}>\``;
    assert.deepEqual(readmeTable(readme, heading, 'Events'), (d.events ?? []).map((e) => e.name), `README events of <${d.tagName}>`);
    assert.deepEqual(readmeTable(readme, heading, 'Attributes'), (d.attributes ?? []).map((a) => a.name), `README attributes of <${d.tagName}>`);
    assert.deepEqual(d.cssProperties, declarations[0].cssProperties, `<${d.tagName}> reads the theme's custom properties`);
  }
  const theme = readme.slice(readme.indexOf('<!-- theme-table:start -->'), readme.indexOf('<!-- theme-table:end -->'));
  const rows = [...theme.matchAll(/^\| `(--erp-[\w-]+)` \| `([^`]+)` \|/gm)].map(([, name, fallback]) => [name, fallback]);
  assert.equal(rows.length, 13, 'the README lists the 13 theme properties');
  assert.deepEqual(
    rows.map(([name]) => name),
    declarations[0].cssProperties.map((p) => p.name),
  );
  for (const [name, fallback] of rows) {
    const property = declarations[0].cssProperties.find((p) => p.name === name);
    assert.ok(property.default.startsWith(fallback.replace(/, …$/, '')), `${name}: README default ${fallback}, manifest ${property.default}`);
  }
});
