// The list items controller (src/elements/erp-field/list-items-controller.ts) in a real element: each
// list loads once per connection, and a list name of another connection is that connection's list.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { ErpBackend } from '../../src/backend/erp-backend.js';
import type { FieldMeta, ListItem } from '../../src/model/types.js';
import { ListItemsController } from '../../src/elements/erp-field/list-items-controller.js';
import { until } from '../helpers/queries.js';

const country: FieldMeta = { key: 'country', label: 'Country', type: 'list', listName: 'countries', access: 'normal' };

class ListsHost extends LitElement {
  connectionId = 'conn-a';
  readonly asked: string[] = [];
  readonly backend = {
    getList: async (connectionId: string, name: string): Promise<ListItem[]> => {
      this.asked.push(`${connectionId}/${name}`);
      return [{ id: 'DE', label: `Germany (${connectionId})` }];
    },
  } as unknown as ErpBackend;
  readonly lists = new ListItemsController(this, () => ({ backend: this.backend, connectionId: this.connectionId, fields: [country] }));
  protected override render() {
    return html`<p>${this.lists.itemsFor(country)?.[0]?.label ?? ''}</p>`;
  }
}
customElements.define('test-lists-host', ListsHost);

const shown = (el: ListsHost) => el.shadowRoot!.querySelector('p')!.textContent;

describe('ListItemsController', () => {
  it('loads a list once per connection, and another connection its own list of that name', async () => {
    const el = await fixture<ListsHost>(html`<test-lists-host></test-lists-host>`);
    await until(() => shown(el) === 'Germany (conn-a)', 'the list of conn-a');
    el.requestUpdate();
    await el.updateComplete;
    expect(el.asked).to.deep.equal(['conn-a/countries']);

    el.connectionId = 'conn-b';
    el.requestUpdate();
    await until(() => shown(el) === 'Germany (conn-b)', 'the list of conn-b, not the one of conn-a');
    expect(el.asked).to.deep.equal(['conn-a/countries', 'conn-b/countries']);
  });
});
