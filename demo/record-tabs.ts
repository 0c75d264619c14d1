// The demo CRM's record tabs (Overview, Activities, ERP) as the WAI-ARIA tabs pattern: a tablist of
// buttons, one panel shown, arrow keys, Home and End. The ERP tab is what the README tells hosts to
// do with <erp-tab>: hidden while the tab reports that this user cannot use it.
import type { ErpAvailabilityChangeEvent } from '../src/index.js';

export interface RecordTab {
  id: string;
  label: string;
  panel: HTMLElement;
}

/**
 * Builds the tablist for `tabs` into `host` (tabs first, panels after) and returns it. The tab of
 * id `erp` follows the `erp-availability-change` of the <erp-tab> in its panel.
 */
export function recordTabs(host: HTMLElement, tabs: RecordTab[], selected = tabs[0]!.id): HTMLElement {
  const list = document.createElement('div');
  list.className = 'record-tabs';
  list.setAttribute('role', 'tablist');
  list.setAttribute('aria-label', 'Record');
  const buttons = tabs.map((tab) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = `tab-${tab.id}`;
    button.setAttribute('role', 'tab');
    button.setAttribute('aria-controls', `panel-${tab.id}`);
    button.textContent = tab.label;
    tab.panel.id = `panel-${tab.id}`;
    tab.panel.setAttribute('role', 'tabpanel');
    tab.panel.setAttribute('aria-labelledby', button.id);
    tab.panel.classList.add('record-panel');
    button.addEventListener('click', () => select(tab.id));
    return button;
  });
  const visible = () => buttons.filter((b) => !b.hidden);

  function select(id: string, focus = false): void {
    tabs.forEach((tab, i) => {
      const on = tab.id === id;
      const button = buttons[i]!;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
      tab.panel.hidden = !on;
      if (on && focus) button.focus();
    });
  }

  list.addEventListener('keydown', (event) => {
    const shown = visible();
    const at = shown.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: shown.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const button = shown[(next + shown.length) % shown.length]!;
    select(button.id.slice('tab-'.length), true);
  });

  const erp = tabs.findIndex((t) => t.id === 'erp');
  if (erp >= 0) {
    tabs[erp]!.panel.addEventListener('erp-availability-change', (event) => {
      const available = (event as ErpAvailabilityChangeEvent).available;
      const button = buttons[erp]!;
      button.hidden = !available;
      // The ERP tab was open and is gone: show the first tab instead of an empty panel.
      if (!available && button.getAttribute('aria-selected') === 'true') select(visible()[0]!.id.slice('tab-'.length));
    });
  }

  list.append(...buttons);
  host.append(list, ...tabs.map((t) => t.panel));
  select(selected);
  return list;
}
