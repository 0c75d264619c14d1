import { expect, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/erp-connect-dialog.js';
import type { ErpConnectDialog } from '../../src/elements/erp-connect-dialog/erp-connect-dialog.js';
import { ErpConflictResolveEvent } from '../../src/events/erp-conflict-resolve.js';
import { ErpCreateSubmitEvent } from '../../src/events/erp-create-submit.js';
import type { ErpConnectEvent } from '../../src/events/erp-connect.js';
import { ErpProblem } from '../../src/backend/problem.js';
import type { ActorType, ConnectionState, EntityRef, SearchRequest } from '../../src/model/types.js';
import { findButton, findByRole, findByText, nameOf as nameOfButton, queryAllByRole, until } from '../helpers/queries.js';
import { FakeBackend, connection, deferred } from './fake-backend.js';
import { nextTask } from '../helpers/events.js';
import { useTerms } from '../helpers/terms.js';

const company: EntityRef = { type: 'company', id: 'e1', name: 'Customer 00001' };

interface Setup {
  fake?: FakeBackend;
  connection?: ConnectionState;
  entity?: EntityRef;
  actorType?: ActorType;
  lang?: string;
  title?: string;
}

async function openDialog(setup: Setup = {}) {
  const fake = setup.fake ?? new FakeBackend();
  // fixtureSync: fixture() on a plain <div> waits for an animation frame, which never comes while
  // the page is hidden (the runner runs two test pages at once).
  const wrapper = fixtureSync<HTMLDivElement>(html`<div lang=${setup.lang ?? 'en'}>
    <button type="button">Open</button>
    <erp-connect-dialog
      .backend=${fake.backend}
      .connection=${setup.connection ?? connection()}
      .entity=${setup.entity ?? company}
      .actorType=${setup.actorType ?? 'customer'}
    ></erp-connect-dialog>
  </div>`);
  const el = wrapper.querySelector('erp-connect-dialog') as ErpConnectDialog;
  await el.updateComplete;
  const opener = wrapper.querySelector('button')!;
  opener.focus();
  await el.show();
  const dialog = await findByRole('dialog', { name: setup.title ?? 'Connect to ERP' }, el.shadowRoot!);
  return { fake, el, opener, dialog, root: el.shadowRoot! };
}

// Result rows (the explicit options of the results listbox, not a <select>'s options).
const options = (root: ParentNode) => queryAllByRole('option', {}, root).filter((o) => o.getAttribute('role') === 'option');
/** The result at 1-based position `n` in the whole list (the list renders only rows near its viewport). */
const at = (root: ParentNode, n: number) => options(root).find((o) => o.getAttribute('aria-posinset') === String(n));
const status = (root: ParentNode) => root.querySelector('[role="status"]')!.textContent!.trim();
const searchInput = (root: ParentNode) => findByRole('textbox', { name: 'Search text' }, root) as Promise<HTMLInputElement>;
const lastSearch = (fake: FakeBackend) => fake.callsOf('searchActors').at(-1)!.args[2] as SearchRequest;
const activeIn = (el: ErpConnectDialog) => el.shadowRoot!.activeElement as HTMLElement | null;

async function typeInto(input: HTMLInputElement, text: string) {
  input.focus();
  input.select();
  if (text === '') await sendKeys({ press: 'Backspace' });
  else await sendKeys({ type: text });
}

describe('<erp-connect-dialog> search', () => {
  it('opens as a modal titled Connect to ERP with a search already run on the record name', async () => {
    const { fake, el, root, dialog } = await openDialog();
    expect((dialog as HTMLDialogElement).open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    await until(() => options(root).length === 1, 'one hit for the record name');
    expect(fake.callsOf('searchActors')).to.have.length(1);
    expect(lastSearch(fake)).to.include({ text: 'Customer 00001' });
    expect(lastSearch(fake).limit).to.be.at.most(100);
    expect((await searchInput(root)).value).to.equal('Customer 00001');
    expect(status(root)).to.equal('1 result');
    // The result columns are the ones the search returned, in order.
    expect(options(root)[0].textContent!.replace(/\s+/g, ' ').trim()).to.equal('Customer 00001 00001 Utrecht');
    await expect(el).to.be.accessible();
  });

  it('searches with the Search button and with Enter', async () => {
    const { fake, root } = await openDialog();
    await until(() => options(root).length === 1, 'initial results');
    const input = await searchInput(root);
    await typeInto(input, '00002');
    (await findButton('Search', root)).click();
    await until(() => status(root) === '1 result' && options(root)[0]?.textContent?.includes('00002'), 'hit 00002');
    expect(lastSearch(fake).text).to.equal('00002');

    await typeInto(input, '00003');
    await sendKeys({ press: 'Enter' });
    await until(() => options(root)[0]?.textContent?.includes('00003'), 'hit 00003');
    expect(lastSearch(fake).text).to.equal('00003');
    expect(fake.callsOf('searchActors')).to.have.length(3);
  });

  it('an empty search lists all records a page at a time, Load more appends, and the count is announced', async () => {
    const fake = new FakeBackend(1234);
    const { root, el } = await openDialog({ fake });
    await until(() => options(root).length === 1 && status(root) === '1 result', 'initial search done');
    await typeInto(await searchInput(root), '');
    (await findButton('Search', root)).click();
    await until(() => status(root) === '1,234 results, 50 shown', 'first page');
    expect(lastSearch(fake).text).to.equal('');
    expect(at(root, 1)?.getAttribute('aria-setsize')).to.equal('1234');
    expect(root.querySelector('[role="status"]')!.id).to.equal('result-count');

    const more = await findButton('Load more', root);
    more.focus();
    more.click();
    await until(() => status(root) === '1,234 results, 100 shown', 'second page appended');
    expect(lastSearch(fake).cursor).to.equal('50');
    expect(at(root, 1)?.textContent).to.include('00001');
    // Focus stays on Load more for the next page.
    expect(activeIn(el)?.textContent?.trim()).to.equal('Load more');
    await expect(el).to.be.accessible();
    // The appended rows follow in order: row 100 is rendered once the list is scrolled to it.
    const listbox = await findByRole('listbox', { name: 'Search results' }, root);
    listbox.scrollTop = 99 * at(root, 1)!.getBoundingClientRect().height;
    // The browser fires this on its next frame, which a test page in the background may not get.
    listbox.dispatchEvent(new Event('scroll'));
    await until(() => at(root, 100)?.textContent?.includes('00100') === true, 'row 100 rendered');
  });

  it('a double click on Search sends one request', async () => {
    const { fake, root, el } = await openDialog();
    await until(() => options(root).length === 1, 'initial results');
    const hold = deferred();
    fake.gate = () => hold.promise;
    await typeInto(await searchInput(root), '00004');
    const search = await findButton('Search', root);
    search.click();
    search.click();
    await el.updateComplete;
    expect(search.getAttribute('aria-busy')).to.equal('true');
    hold.resolve();
    await until(() => options(root)[0]?.textContent?.includes('00004'), 'hit 00004');
    expect(fake.callsOf('searchActors')).to.have.length(2);
    expect(search.getAttribute('aria-busy')).to.equal('false');
  });

  it('never shows a stale result: a slow first response arriving after a fast second one is dropped', async () => {
    const fake = new FakeBackend();
    const slow = deferred();
    fake.gate = (call) => {
      return (call.args[2] as SearchRequest | undefined)?.text === '00005' ? slow.promise : undefined;
    };
    const { root, el } = await openDialog({ fake });
    await until(() => options(root).length === 1, 'initial results');
    const input = await searchInput(root);
    await typeInto(input, '00005');
    await sendKeys({ press: 'Enter' });
    await typeInto(input, '00006');
    await sendKeys({ press: 'Enter' });
    await until(() => options(root)[0]?.textContent?.includes('00006'), 'second search shown');
    const first = fake.callsOf('searchActors').find((c) => (c.args[2] as SearchRequest).text === '00005')!;
    expect(first.signal?.aborted).to.equal(true);
    slow.resolve();
    await nextTask(); // the stale answer has resolved by now (no network: promises only)
    await el.updateComplete;
    expect(options(root)).to.have.length(1);
    expect(options(root)[0].textContent).to.include('00006');
  });

  it('shows search errors inline with the query kept and a Retry', async () => {
    const fake = new FakeBackend();
    const { root, el } = await openDialog({ fake });
    await until(() => options(root).length === 1, 'initial results');
    fake.gate = () => {
      throw new ErpProblem({ status: 503, code: 'unavailable' });
    };
    const input = await searchInput(root);
    await typeInto(input, '00007');
    await sendKeys({ press: 'Enter' });
    const alert = await findByRole('alert', {}, root);
    expect(alert.textContent).to.include('not available right now');
    expect(input.value).to.equal('00007');
    await expect(el).to.be.accessible();
    fake.gate = () => undefined;
    (await findButton('Retry', root)).click();
    await until(() => options(root)[0]?.textContent?.includes('00007'), 'retried search shown');
    expect(lastSearch(fake).text).to.equal('00007');
    expect(queryAllByRole('alert', {}, root)).to.have.length(0);
  });

  it('searches persons under the company’s ERP actor', async () => {
    const { fake, root } = await openDialog({
      actorType: 'person',
      entity: { type: 'person', id: 'p1', name: 'Customer' },
      connection: connection({ companyErpKey: 'K00042', companyLinked: true }),
    });
    await until(() => options(root).length > 0, 'person results');
    const call = fake.callsOf('searchActors')[0];
    expect(call.args[1]).to.equal('person');
    expect((call.args[2] as SearchRequest).parentKey).to.equal('K00042');
    expect(await findByText('Contact in Test ERP for “Customer”', {}, root)).to.exist;
  });
});

describe('<erp-connect-dialog> advanced search', () => {
  it('is offered only when the connection supports it', async () => {
    const { root } = await openDialog({ connection: connection({ supportsAdvancedSearch: false }) });
    await until(() => options(root).length === 1, 'initial results');
    expect(queryAllByRole('button', { name: 'Advanced search' }, root)).to.have.length(0);
  });

  it('offers operators by field type and sends the criteria combined with AND', async () => {
    const { fake, root, el } = await openDialog();
    await until(() => options(root).length === 1, 'initial results');
    const toggle = await findButton('Advanced search', root);
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    const row1 = await findByRole('group', { name: 'Criterion 1' }, root);
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(fake.callsOf('getSearchableFields')).to.have.length(1);

    const fieldOf = (row: HTMLElement) => findByRole('combobox', { name: 'Field' }, row) as Promise<HTMLSelectElement>;
    const operatorOf = (row: HTMLElement) => findByRole('combobox', { name: 'Operator' }, row) as Promise<HTMLSelectElement>;
    const optionLabels = (select: HTMLSelectElement) => Array.from(select.options, (o) => o.textContent!.trim());
    const change = (select: HTMLSelectElement, value: string) => {
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    };

    // Text: begins / contains / equals.
    expect(optionLabels(await operatorOf(row1))).to.deep.equal(['begins with', 'contains', 'equals']);
    const text = (await findByRole('textbox', { name: 'Value' }, row1)) as HTMLInputElement;
    text.focus();
    await sendKeys({ type: 'Cust' });

    // Integer: = < > between, with two values for between.
    (await findButton('Add criterion', root)).click();
    const row2 = await findByRole('group', { name: 'Criterion 2' }, root);
    change(await fieldOf(row2), 'employees');
    await el.updateComplete;
    expect(optionLabels(await operatorOf(row2))).to.deep.equal(['equal to', 'less than', 'greater than', 'between']);
    change(await operatorOf(row2), 'between');
    await el.updateComplete;
    const from = (await findByRole('textbox', { name: 'From' }, row2)) as HTMLInputElement;
    const to = (await findByRole('textbox', { name: 'To' }, row2)) as HTMLInputElement;
    from.focus();
    await sendKeys({ type: '10' });
    to.focus();
    await sendKeys({ type: '1,000' });

    // List: one-of from the connection's list.
    (await findButton('Add criterion', root)).click();
    const row3 = await findByRole('group', { name: 'Criterion 3' }, root);
    change(await fieldOf(row3), 'category');
    await el.updateComplete;
    expect(optionLabels(await operatorOf(row3))).to.deep.equal(['one of']);
    const list = (await findByRole('listbox', { name: 'Values' }, row3)) as HTMLSelectElement;
    await until(() => list.options.length === 3, 'list items loaded');
    expect(fake.callsOf('getList')[0].args[1]).to.equal('categories');
    list.options[0].selected = true;
    list.options[2].selected = true;
    list.dispatchEvent(new Event('change', { bubbles: true }));

    // Date: before / after / between.
    (await findButton('Add criterion', root)).click();
    const row4 = await findByRole('group', { name: 'Criterion 4' }, root);
    change(await fieldOf(row4), 'created');
    await el.updateComplete;
    expect(optionLabels(await operatorOf(row4))).to.deep.equal(['before', 'after', 'between']);
    change(await operatorOf(row4), 'after');
    await el.updateComplete;
    const date = row4.querySelector('input[type="date"]') as HTMLInputElement;
    date.value = '2024-01-31';
    date.dispatchEvent(new Event('input', { bubbles: true }));

    await expect(el).to.be.accessible();
    (await findButton('Search', root)).click();
    await until(() => fake.callsOf('searchActorsAdvanced').length === 1, 'advanced search sent');
    const request = fake.callsOf('searchActorsAdvanced')[0].args[2] as { restrictions: unknown[] };
    expect(request.restrictions).to.deep.equal([
      { field: 'name', operator: 'begins', values: ['Cust'] },
      { field: 'employees', operator: 'between', values: ['10', '1000'] },
      { field: 'category', operator: 'oneOf', values: ['c1', 'c3'] },
      { field: 'created', operator: 'after', values: ['2024-01-31'] },
    ]);
    await until(() => options(root).length === 3, 'advanced results');
    expect(status(root)).to.equal('3 results');
  });

  it('marks an incomplete criterion instead of searching, and rows can be removed', async () => {
    const { fake, root, el } = await openDialog();
    await until(() => options(root).length === 1, 'initial results');
    (await findButton('Advanced search', root)).click();
    const row1 = await findByRole('group', { name: 'Criterion 1' }, root);
    (await findButton('Search', root)).click();
    await el.updateComplete;
    const value = (await findByRole('textbox', { name: 'Value' }, row1)) as HTMLInputElement;
    expect(value.getAttribute('aria-invalid')).to.equal('true');
    expect(value.getAttribute('aria-describedby')).to.match(/error/);
    expect(await findByText('Enter a value, or remove this criterion.', {}, root)).to.exist;
    expect(fake.callsOf('searchActorsAdvanced')).to.have.length(0);
    await expect(el).to.be.accessible();
    (await findButton('Remove criterion 1', root)).click();
    await until(() => queryAllByRole('group', { name: 'Criterion 1' }, root).length === 0, 'row removed');
  });
});

describe('<erp-connect-dialog> selecting and connecting', () => {
  it('selects with the keyboard only and connects with Enter, then finishes in the picker', async () => {
    const fake = new FakeBackend(30);
    const { root, el, opener } = await openDialog({ fake, entity: { ...company, name: 'Customer' } });
    await until(() => status(root) === '30 results', 'results');
    // Focus starts in the search field; Tab moves to the results list.
    expect(activeIn(el)?.getAttribute('type')).to.equal('text');
    const listbox = await findByRole('listbox', { name: 'Search results' }, root);
    for (let i = 0; i < 8 && activeIn(el) !== listbox; i++) await sendKeys({ press: 'Tab' });
    expect(activeIn(el)).to.equal(listbox);
    const connect = await findButton('Connect', root);
    expect(connect.getAttribute('aria-disabled')).to.equal('true');

    // The first option becomes active on focus (not selected); ArrowDown moves on and selects.
    expect(listbox.getAttribute('aria-activedescendant')).to.equal('opt-0');
    await sendKeys({ press: 'ArrowDown' });
    expect(listbox.getAttribute('aria-activedescendant')).to.equal('opt-1');
    await sendKeys({ press: 'End' });
    expect(listbox.getAttribute('aria-activedescendant')).to.equal('opt-29');
    expect(at(root, 30)?.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(at(root, 2)?.getAttribute('aria-selected')).to.equal('true');
    expect(options(root).filter((o) => o.getAttribute('aria-selected') === 'true')).to.have.length(1);
    expect(connect.getAttribute('aria-disabled')).to.equal('false');

    await sendKeys({ press: 'Enter' });
    await until(() => fake.callsOf('compare').length === 1, 'compare called');
    expect(fake.callsOf('compare')[0].args).to.deep.equal([
      { type: 'company', id: 'e1' },
      { connectionId: 'c1', actorType: 'customer', erpKey: 'K00002' },
    ]);
    const picker = await until(() => root.querySelector('erp-conflict-picker'), 'picker shown').then(
      () => root.querySelector('erp-conflict-picker')!,
    );
    expect(picker.fields).to.have.length(3);
    expect(await findByRole('heading', { name: 'Compare with Customer 00002' }, root)).to.exist;
    await expect(el).to.be.accessible();

    const connected = oneEvent(el, 'erp-connect') as Promise<ErpConnectEvent>;
    picker.dispatchEvent(new ErpConflictResolveEvent({ name: 'crm', phone: 'crm', city: 'erp' }, { vat: 'NO1' }));
    const { pending } = await connected;
    const { preview, ...rest } = pending;
    expect(rest).to.deep.equal({
      connectionId: 'c1',
      actorType: 'customer',
      erpKey: 'K00002',
      // The name the record will have: the CRM's, chosen for Name.
      displayName: 'Acme',
      choices: { name: 'crm', phone: 'crm', city: 'erp' },
      values: { vat: 'NO1' },
    });
    expect(preview.map((f) => [f.field.label, f.displayValue])).to.deep.equal([
      ['Name', 'Acme'],
      ['Phone', '+47 1'],
      ['City', 'Oslo'],
    ]);
    await until(() => !el.open, 'dialog closed');
    expect(document.activeElement).to.equal(opener);
  });

  it('Connect with the mouse; a double click sends one compare; Cancel in the picker returns with the selection kept', async () => {
    const fake = new FakeBackend(10);
    const { root, el } = await openDialog({ fake, entity: { ...company, name: '' } });
    await until(() => options(root).length === 10, 'results');
    options(root)[3].click();
    await el.updateComplete;
    expect(options(root)[3].getAttribute('aria-selected')).to.equal('true');
    const hold = deferred();
    fake.gate = () => hold.promise;
    const connect = await findButton('Connect', root);
    connect.click();
    connect.click();
    await el.updateComplete;
    expect(connect.getAttribute('aria-busy')).to.equal('true');
    hold.resolve();
    await until(() => root.querySelector('erp-conflict-picker'), 'picker shown');
    expect(fake.callsOf('compare')).to.have.length(1);

    root.querySelector('erp-conflict-picker')!.dispatchEvent(new Event('erp-conflict-cancel', { bubbles: true, composed: true }));
    await until(() => options(root).length === 10, 'back to results');
    expect(options(root)[3].getAttribute('aria-selected')).to.equal('true');
    expect((await findButton('Connect', root)).getAttribute('aria-disabled')).to.equal('false');
    expect(fake.callsOf('searchActors')).to.have.length(1);
  });

  it("Can't find match in ERP turns Connect into Create and back, keeping the selection", async () => {
    const { fake, root, el } = await openDialog({ entity: { ...company, name: '' } });
    await until(() => status(root) === '120 results, 50 shown', 'results');
    options(root)[2].click();
    const box = (await findByRole('checkbox', { name: "Can't find match in ERP" }, root)) as HTMLInputElement;
    box.click();
    const create = await findButton('Create', root);
    expect(queryAllByRole('button', { name: 'Connect' }, root)).to.have.length(0);
    expect(create.getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();
    box.click();
    await findButton('Connect', root);
    expect(options(root)[2].getAttribute('aria-selected')).to.equal('true');

    // Create: loads the new actor's fields and shows the Create in ERP step.
    box.click();
    (await findButton('Create', root)).click();
    await findByRole('dialog', { name: 'Create in ERP' }, root);
    expect(fake.callsOf('getNewActorFields')[0].args).to.deep.equal([{ type: 'company', id: 'e1' }, 'c1', 'customer']);
    const form = root.querySelector('erp-create-form')!;
    expect(form.fields).to.have.length(1);
    expect(form.connectionId).to.equal('c1');
    await expect(el).to.be.accessible();

    // Cancel in the form returns to the results, still ticked.
    form.dispatchEvent(new Event('erp-create-cancel', { bubbles: true, composed: true }));
    await findByRole('dialog', { name: 'Connect to ERP' }, root);
    expect(box.checked).to.equal(true);

    (await findButton('Create', root)).click();
    await until(() => root.querySelector('erp-create-form'), 'form again');
    const connected = oneEvent(el, 'erp-connect') as Promise<ErpConnectEvent>;
    root
      .querySelector('erp-create-form')!
      .dispatchEvent(new ErpCreateSubmitEvent({ name: 'Acme' }, [{ key: 'name', label: 'Name', display: 'Acme' }]));
    const { pending } = await connected;
    const { preview, ...rest } = pending;
    expect(rest).to.deep.equal({
      connectionId: 'c1',
      actorType: 'customer',
      displayName: '',
      choices: {},
      values: {},
      create: { values: { name: 'Acme' } },
    });
    expect(preview.map((f) => [f.field.label, f.displayValue])).to.deep.equal([['Name', 'Acme']]);
    await until(() => !el.open, 'closed');
  });

  it('a double click on Create loads the fields once and shows busy state', async () => {
    const fake = new FakeBackend();
    const { root, el } = await openDialog({ fake });
    await until(() => options(root).length === 1, 'results');
    (await findByRole('checkbox', { name: "Can't find match in ERP" }, root)).click();
    const hold = deferred();
    fake.gate = () => hold.promise;
    const create = await findButton('Create', root);
    create.click();
    create.click();
    await el.updateComplete;
    expect(create.getAttribute('aria-busy')).to.equal('true');
    expect(nameOfButton(create)).to.equal('Create');
    hold.resolve();
    await findByRole('dialog', { name: 'Create in ERP' }, root);
    expect(fake.callsOf('getNewActorFields')).to.have.length(1);
  });

  it('Create is disabled with the reason when the connection may not create actors', async () => {
    const { fake, root, el } = await openDialog({ connection: connection({ canCreateActors: false }) });
    await until(() => options(root).length === 1, 'results');
    (await findByRole('checkbox', { name: "Can't find match in ERP" }, root)).click();
    const create = await findButton('Create', root);
    expect(create.getAttribute('aria-disabled')).to.equal('true');
    const reason = root.getElementById(create.getAttribute('aria-describedby')!)!;
    expect(reason.textContent).to.include('may not create records in the ERP');
    create.click();
    await el.updateComplete;
    expect(fake.callsOf('getNewActorFields')).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});

describe('<erp-connect-dialog> closing', () => {
  it('Escape closes, aborts the request in flight and returns focus to the opener', async () => {
    const fake = new FakeBackend();
    const hold = deferred();
    fake.gate = () => hold.promise;
    const { el, opener } = await openDialog({ fake });
    await sendKeys({ press: 'Escape' });
    await until(() => !el.open, 'closed');
    expect(fake.callsOf('searchActors')[0].signal?.aborted).to.equal(true);
    expect(document.activeElement).to.equal(opener);
    hold.resolve();
  });

  it('Cancel closes and returns focus', async () => {
    const { el, opener, root } = await openDialog();
    (await findButton('Cancel', root)).click();
    await until(() => !el.open, 'closed');
    expect(document.activeElement).to.equal(opener);
  });
});

describe('<erp-connect-dialog> languages', () => {
  const WORDS = useTerms({
    title: 'connect.title',
    search: 'connect.search',
    connect: 'connect.connect',
    noMatch: 'connect.noMatch',
    create: 'connect.create',
    cancel: 'action.cancel',
    advanced: 'connect.advancedSearch',
    createTitle: 'connect.createTitle',
  });
  for (const lang of ['de', 'da', 'nl'] as const) {
    it(`uses the glossary words in ${lang}`, async () => {
      const t = WORDS[lang];
      const { root, el } = await openDialog({ lang, title: t.title });
      await until(() => options(root).length === 1, 'results');
      await findButton(t.search, root);
      await findButton(t.connect, root);
      await findButton(t.cancel, root);
      await findButton(t.advanced, root);
      (await findByRole('checkbox', { name: t.noMatch }, root)).click();
      (await findButton(t.create, root)).click();
      await findByRole('dialog', { name: t.createTitle }, root);
      await expect(el).to.be.accessible();
    });
  }
});

describe('<erp-connect-dialog> with long names', () => {
  it('cuts an 80- or 300-character name with an ellipsis and keeps the whole name readable (title, accessible name)', async () => {
    const fake = new FakeBackend(0);
    const names = ['N'.repeat(80), `W${'x'.repeat(299)}`];
    fake.rows = names.map((name, i) => ({ key: `L${i}`, displayName: name, cells: { name, number: String(i), city: 'Utrecht' } }));
    const { root } = await openDialog({ fake, entity: { type: 'company', id: 'e1', name: '' } });
    await until(() => options(root).length === 2, 'the two results');
    for (const [i, name] of names.entries()) {
      const option = at(root, i + 1)!;
      const cell = [...option.querySelectorAll<HTMLElement>('.cell')].find((c) => c.textContent === name)!;
      expect(cell, `a cell with the ${name.length}-character name`).to.exist;
      expect(cell.scrollWidth, 'cut: wider than its column').to.be.above(cell.clientWidth);
      expect(cell.title, 'the whole name as its title').to.equal(name);
      expect(option.textContent, 'the whole name in the option').to.contain(name);
      expect(option.getBoundingClientRect().width, 'the row as wide as the list').to.be.at.most(option.parentElement!.getBoundingClientRect().width + 1);
    }
  });
});
