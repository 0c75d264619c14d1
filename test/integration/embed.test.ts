// The one-script-tag embed (scripts/build-embed.mjs): the built bundle, loaded by a classic <script>
// configured with data attributes, renders <erp-tab> against the reference server over HTTP.
// Nothing from src/ is imported here: every element on this page comes from the bundle.
import { expect } from '@open-wc/testing';
import { findByRole } from '../helpers/queries.js';

interface EmbedGlobal {
  configure: (config: { baseUrl?: string }) => void;
  RestBackend: unknown;
}

describe('embed bundle (one script tag)', () => {
  let apiOrigin = '';

  before(async () => {
    const { port } = (await (await fetch('/__api-port?for=embed')).json()) as { port: number };
    apiOrigin = `http://127.0.0.1:${port}`;
    await fetch(`${apiOrigin}/__control/reset`, { method: 'POST' });
    const script = document.createElement('script');
    script.src = '/__embed.js';
    script.dataset['baseUrl'] = `${apiOrigin}/api/erp`;
    script.dataset['token'] = 'demo';
    const loaded = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve);
      script.addEventListener('error', reject);
    });
    document.head.append(script);
    await loaded;
  });

  it('defines the elements and exposes the API as the ErpWidget global', () => {
    expect(customElements.get('erp-tab')).to.exist;
    const api = (window as unknown as { ErpWidget: EmbedGlobal }).ErpWidget;
    expect(api.configure).to.be.a('function');
    expect(api.RestBackend).to.be.a('function');
  });

  it('renders a record from the reference server, configured by the script tag', async () => {
    const tab = document.createElement('erp-tab');
    const availability = new Promise<Event>((resolve) => tab.addEventListener('erp-availability-change', resolve));
    tab.setAttribute('entity', 'company');
    tab.setAttribute('entity-id', 'c1');
    document.body.append(tab);
    try {
      expect(await findByRole('region', { name: 'Contoso ERP' }, tab.shadowRoot!)).to.exist;
      expect((await availability as Event & { available: boolean }).available).to.equal(true);
    } finally {
      tab.remove();
    }
  });
});
