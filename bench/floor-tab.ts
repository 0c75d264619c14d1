// The floor for the tab benchmarks: a hand-written Lit element that renders what <erp-tab> shows of
// each field of a linked connection (label, who leads, value formatted by the same function, in the
// same styles and language), with the rows the tab's field list holds besides the fields (ERP actor,
// ERP number, Last synchronized), and nothing else: no loading, states, health, actions or history.
// Bench only.
import { LitElement, html } from 'lit';
import { msg } from '@lit/localize';
import { property } from 'lit/decorators.js';
import type { EntityErpState } from '../src/model/types.js';
import { formatDateTime, formatFieldValue, formatRelativeTime } from '../src/model/format.js';
import { getLocale } from '../src/i18n/localization.js';
import { actorTypeLabel, formatWords } from '../src/i18n/terms.js';
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
          <div><dt>ERP actor</dt><dd>${actorTypeLabel(c.link!.actorType)}</dd></div>
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
          <div>
            <dt>Last synchronized</dt>
            <dd>
              <time datetime=${c.link!.lastSynced!} title=${formatDateTime(c.link!.lastSynced!, locale)}
                >${formatRelativeTime(c.link!.lastSynced!, Date.now(), locale)}</time
              >
            </dd>
          </div>
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
