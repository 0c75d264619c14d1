// The floor for the tab benchmarks: a hand-written Lit element that renders what <erp-tab> shows of
// each field of a linked connection (label, who leads, value formatted by the same function, in the
// same styles and language) and nothing else: no loading, states, health, actions or history. Bench only.
import { LitElement, html } from 'lit';
import { msg } from '@lit/localize';
import { property } from 'lit/decorators.js';
import type { EntityErpState } from '../src/model/types.js';
import { formatFieldValue } from '../src/model/format.js';
import { getLocale } from '../src/i18n/localization.js';
import { formatWords } from '../src/i18n/terms.js';
import { baseStyles } from '../src/elements/shared/base-styles.js';
import { connectionStyles } from '../src/elements/erp-tab/erp-tab-connection.styles.js';

export class BenchFloorTab extends LitElement {
  static override styles = [baseStyles, connectionStyles];

  @property({ attribute: false }) state?: EntityErpState;

  protected override render() {
    const locale = getLocale();
    const words = formatWords();
    return (this.state?.connections ?? []).map(
      (c) => html`<section>
        <h3>${c.name}</h3>
        <dl class="fields">
          <div><dt>ERP number</dt><dd>${c.link?.erpKey}</dd></div>
          ${c.fields.map(
            (f) => html`<div>
              <dt>
                <span>${f.field.label}</span
                ><span class="provenance" data-direction="both"
                  ><span aria-hidden="true">CRM ↔ ERP · ${msg('newer change leads', { id: 'tab.leadNewer' })}</span
                  ><span class="visually-hidden"
                    >${msg('Synchronized both ways; the newer change leads, you decide conflicts', { id: 'tab.provBoth' })}</span
                  ></span
                >
              </dt>
              <dd>${formatFieldValue(f.field, f.value, f.displayValue, locale, words)}</dd>
            </div>`,
          )}
        </dl>
      </section>`,
    );
  }
}

/** A new, unattached floor element (defined on use: a bare side-effect import would be tree-shaken). */
export function createFloorTab(): BenchFloorTab {
  if (!customElements.get('bench-floor-tab')) customElements.define('bench-floor-tab', BenchFloorTab);
  return document.createElement('bench-floor-tab') as BenchFloorTab;
}
