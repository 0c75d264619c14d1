import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import type { ErpAdminBackend } from '../../../backend/erp-backend.js';
import { isAbort, toProblem, type ErpProblem } from '../../../backend/problem.js';
import type { ActorTypeMapping, CrmFieldInfo, FieldMapping, FieldType, SyncDirection } from '../../../model/types.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { getLocale } from '../../../i18n/localization.js';
import { actorTypeLabel, entityLabel } from '../../../i18n/terms.js';
import { baseStyles } from '../../shared/base-styles.js';
import { LoadController } from '../../shared/load-controller.js';
import { IdempotencyKeys } from '../../shared/idempotency.js';
import { MappingSavedEvent } from '../admin-events.js';
import { adminStyles } from '../admin-styles.js';
import { adminProblemMessage, adminTerms } from '../admin-terms.js';
import { reapply, reloadButton, reloadedKeptMessage } from '../conflict.js';
import type { ErpListMappingEditor } from '../list-mapping-editor/list-mapping-editor.js';
import { optionNodes } from '../option-nodes.js';
import { mappingEditorStyles } from './mapping-editor.styles.js';

/** Field types that can be mapped onto each other (numbers together, labels as text). */
const family = (t: FieldType) => (t === 'integer' || t === 'double' ? 'number' : t === 'label' ? 'text' : t);
export const compatible = (erp: FieldType, crm: FieldType) => family(erp) === family(crm);

const normalize = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A CRM field suggested for an ERP field because their names match. */
export interface Suggestion {
  erpField: string;
  crmField: string;
}

/**
 * Suggests, for every unmapped syncable ERP field, an unused CRM field of a compatible type whose
 * key or label matches (after normalizing case, spaces and punctuation). Pure: the admin confirms.
 */
export function suggestCrmFields(fields: FieldMapping[], crmFields: CrmFieldInfo[]): Suggestion[] {
  const used = new Set(fields.map((f) => f.crmField).filter((k): k is string => !!k));
  const out: Suggestion[] = [];
  for (const f of fields) {
    if (f.crmField || f.notSyncable) continue;
    const names = [normalize(f.erpField.key), normalize(f.erpField.label)];
    const hit = crmFields.find(
      (c) =>
        !used.has(c.key) &&
        compatible(f.erpField.type, c.type) &&
        (names.includes(normalize(c.key)) || names.includes(normalize(c.label))),
    );
    if (hit) {
      used.add(hit.key);
      out.push({ erpField: f.erpField.key, crmField: hit.key });
    }
  }
  return out;
}

/** A direction as the ERP tab shows it: short, the same in every language (the option's name adds it in words). */
const DIRECTION_ARROWS: Record<SyncDirection, string> = { 'erp-to-crm': 'ERP → CRM', 'crm-to-erp': 'CRM → ERP', both: 'CRM ↔ ERP' };

function directionLabel(d: SyncDirection): string {
  switch (d) {
    case 'erp-to-crm':
      return msg('ERP to CRM', { id: 'admin.map.erpToCrm' });
    case 'crm-to-erp':
      return msg('CRM to ERP', { id: 'admin.map.crmToErp' });
    case 'both':
      return msg('Both ways', { id: 'admin.map.both' });
  }
}

function notSyncableText(reason: string): string {
  switch (reason) {
    case 'read-only-in-erp':
      return msg('Cannot be synchronized: the ERP does not allow changing this field.', { id: 'admin.map.whyReadOnly' });
    case 'display-only':
      return msg('Cannot be synchronized: this field is for display only.', { id: 'admin.map.whyDisplay' });
  }
  return msg(str`Cannot be synchronized (${reason}).`, { id: 'admin.map.whyOther' });
}

/**
 * **Mappings** of one ERP actor type of one connection: the "Sync ERP {actor} to CRM {entity}"
 * switch, and per ERP field the **CRM field** (only compatible types), the **Direction** (disabled
 * until a CRM field is picked; fields that cannot be synced say why), **Show in Search** and
 * **Show in ERP tab**; **List mapping** for mapped list fields; suggestions by matching names;
 * **Done** saves. A failed save keeps every edit; after a 409 **Reload** loads the other admin's
 * version and puts the edits back on top.
 *
 * Rows are keyed and guarded, so changing one row re-renders that row only (300 fields stay quick).
 *
 * @csspart table - The fields table.
 */
@localized()
export class ErpMappingEditor extends LitElement {
  static override styles = [
    baseStyles,
    adminStyles,
    mappingEditorStyles,
  ];

  @property({ attribute: false }) backend?: ErpAdminBackend;
  @property({ attribute: false }) connectionId = '';
  /** The mapping as loaded or last saved. */
  @property({ attribute: false }) mapping?: ActorTypeMapping;

  @state() private draft?: ActorTypeMapping;
  /** Why Reload (after a 409) failed; Done's own failure is `saver.problem`. */
  @state() private reloadError: ErpProblem | null = null;
  @state() private message = '';
  @state() private suggestions: Suggestion[] | null = null;
  @state() private accepted = new Set<string>();
  @state() private reloading = false;

  @query('erp-list-mapping-editor') private listDialog!: ErpListMappingEditor;
  private readonly keys = new IdempotencyKeys();
  private readonly saver = new LoadController(this, async ([connectionId, draft]: [string, ActorTypeMapping], signal) => {
    const saved = await this.backend!.saveActorTypeMapping(connectionId, draft, { signal, idempotencyKey: this.keys.for([connectionId, draft]) });
    this.keys.done();
    return saved;
  });

  constructor() {
    super();
    new LocaleController(this, 'admin', 'settings');
  }

  private get error(): ErpProblem | null {
    return this.saver.problem ?? this.reloadError;
  }

  /** Whether the admin changed something that is not saved yet. */
  get dirty(): boolean {
    return !!this.draft && !!this.mapping && JSON.stringify(this.draft) !== JSON.stringify(this.mapping);
  }

  /** The edited mapping (what Done sends). */
  get value(): ActorTypeMapping | undefined {
    return this.draft;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mapping') && this.mapping) {
      const previous = changed.get('mapping') as ActorTypeMapping | undefined;
      const fresh = this.mapping;
      const unsaved = !!this.draft && !!previous && JSON.stringify(this.draft) !== JSON.stringify(previous);
      if (!unsaved || previous.actorType !== fresh.actorType) {
        this.draft = structuredClone(fresh);
        this.suggestions = null;
      } else if (sameButOrder(previous, fresh)) {
        // Rank Fields saved a new order (and version): the unsaved edits move onto it.
        const byKey = new Map(this.draft!.fields.map((f) => [f.erpField.key, f]));
        const fields = fresh.fields.map((f) => byKey.get(f.erpField.key) ?? f);
        this.draft = { ...this.draft!, fields, version: fresh.version };
      }
      // Otherwise another admin's version arrived: the edits stay on the old version, so Done answers
      // 409 and Reload puts them on top of the new one (never silently over it).
    }
  }

  private updateRow(key: string, change: Partial<FieldMapping>): void {
    if (!this.draft) return;
    const index = this.draft.fields.findIndex((f) => f.erpField.key === key);
    if (index < 0) return;
    const fields = this.draft.fields.slice();
    fields[index] = { ...fields[index]!, ...change };
    this.draft = { ...this.draft, fields };
    this.message = '';
  }

  private suggest(): void {
    if (!this.draft) return;
    this.suggestions = suggestCrmFields(this.draft.fields, this.draft.crmFields);
    this.accepted = new Set(this.suggestions.map((s) => s.erpField));
    this.message =
      this.suggestions.length === 0
        ? msg('No CRM fields with matching names were found.', { id: 'admin.map.noSuggestions' })
        : '';
  }

  private applySuggestions(): void {
    if (!this.draft || !this.suggestions) return;
    const chosen = new Map(this.suggestions.filter((s) => this.accepted.has(s.erpField)).map((s) => [s.erpField, s.crmField]));
    const fields = this.draft.fields.map((f) =>
      chosen.has(f.erpField.key) && !f.crmField ? { ...f, crmField: chosen.get(f.erpField.key)!, direction: f.direction ?? ('both' as const) } : f,
    );
    this.draft = { ...this.draft, fields };
    const count = chosen.size;
    this.message = msg(str`${count} suggestions applied. Press Done to save them.`, { id: 'admin.map.applied' });
    this.suggestions = null;
  }

  /** Saves the draft (Done). Resolves true when saved. */
  async save(): Promise<boolean> {
    if (this.saver.pending || !this.draft || !this.dirty) return false;
    this.reloadError = null;
    this.message = '';
    const saved = await this.saver.run(this.connectionId, this.draft);
    if (!saved) return false;
    this.mapping = saved;
    this.draft = structuredClone(saved);
    this.message = msg('Mappings saved.', { id: 'admin.map.saved' });
    this.dispatchEvent(new MappingSavedEvent(saved));
    return true;
  }

  /** After a 409: loads the stored mapping and puts the admin's edits back on top of it. */
  private async loadCurrent(): Promise<void> {
    if (!this.draft || !this.mapping || this.reloading) return;
    this.reloading = true;
    try {
      const fresh = await this.backend!.getActorTypeMapping(this.connectionId, this.draft.actorType);
      const base = this.mapping;
      const draft = this.draft;
      const rows = (m: ActorTypeMapping) => Object.fromEntries(m.fields.map((f) => [f.erpField.key, f]));
      const mine = reapply(rows(base), rows(draft), rows(fresh));
      const enabled = draft.enabled !== base.enabled ? draft.enabled : fresh.enabled;
      this.mapping = fresh;
      this.draft = { ...fresh, enabled, fields: fresh.fields.map((f) => mine[f.erpField.key] ?? f) };
      this.saver.clear();
      this.reloadError = null;
      this.message = reloadedKeptMessage();
      this.dispatchEvent(new MappingSavedEvent(fresh));
    } catch (error) {
      if (isAbort(error)) return;
      this.saver.clear();
      this.reloadError = toProblem(error);
    } finally {
      this.reloading = false;
    }
  }

  protected override render() {
    const d = this.draft;
    if (!d) return nothing;
    const t = adminTerms();
    const actor = actorTypeLabel(d.actorType);
    const entity = entityLabel(d.entity);
    const locale = getLocale();
    const crmLabel = new Map(d.crmFields.map((c) => [c.key, c.label]));
    return html`<div class="head">
        <label>
          <input
            type="checkbox"
            .checked=${d.enabled}
            @change=${(e: Event) => {
              this.draft = { ...d, enabled: (e.target as HTMLInputElement).checked };
            }}
          />
          ${msg(str`Sync ERP ${actor} to CRM ${entity}`, { id: 'admin.map.enable' })}
        </label>
        <button type="button" @click=${this.suggest}>${msg('Suggest CRM fields', { id: 'admin.map.suggest' })}</button>
      </div>
      ${this.suggestions && this.suggestions.length
        ? html`<div class="suggestions" role="group" aria-labelledby="sugg-heading">
            <p id="sugg-heading"><strong>${msg('Suggested CRM fields (matching names)', { id: 'admin.map.suggestHeading' })}</strong></p>
            <ul>
              ${this.suggestions.map((s) => {
                const erp = d.fields.find((f) => f.erpField.key === s.erpField)!.erpField.label;
                const crm = crmLabel.get(s.crmField) ?? s.crmField;
                return html`<li>
                  <label>
                    <input
                      type="checkbox"
                      .checked=${this.accepted.has(s.erpField)}
                      @change=${(e: Event) => {
                        const next = new Set(this.accepted);
                        if ((e.target as HTMLInputElement).checked) next.add(s.erpField);
                        else next.delete(s.erpField);
                        this.accepted = next;
                      }}
                    />
                    ${msg(str`${erp} to ${crm}`, { id: 'admin.map.suggestion' })}
                  </label>
                </li>`;
              })}
            </ul>
            <div class="actions">
              <button type="button" class="primary" @click=${this.applySuggestions}>
                ${msg('Apply selected suggestions', { id: 'admin.map.apply' })}
              </button>
              <button type="button" @click=${() => (this.suggestions = null)}>${t.cancel}</button>
            </div>
          </div>`
        : nothing}
      <div class="table-wrap">
        <table part="table" aria-label=${msg(str`${t.mappings}: ${actor}`, { id: 'admin.map.tableName' })}>
          <thead>
            <tr>
              <th scope="col">${t.erpField}</th>
              <th scope="col">${t.crmField}</th>
              <th scope="col">${t.direction}</th>
              <th scope="col">${t.showInSearch}</th>
              <th scope="col">${t.showInTab}</th>
              <th scope="col"><span class="visually-hidden">${t.listMapping}</span></th>
            </tr>
          </thead>
          <tbody>
            ${repeat(
              d.fields,
              (f) => f.erpField.key,
              (f) => guard([f, d.crmFields, locale], () => this.renderRow(f, d.crmFields)),
            )}
          </tbody>
        </table>
      </div>
      <p role="status" class="muted">${this.message}</p>
      <div role="alert" class="error">
        ${this.error
          ? html`${msg('Not saved. Your changes are kept.', { id: 'admin.map.notSaved' })} ${adminProblemMessage(this.error)}
            ${reloadButton(this.error, this.reloading, () => void this.loadCurrent())}`
          : nothing}
      </div>
      <div class="actions">
        <button
          type="button"
          class="primary"
          aria-disabled=${this.dirty && !this.saver.pending ? 'false' : 'true'}
          aria-busy=${this.saver.pending ? 'true' : 'false'}
          @click=${() => this.save()}
        >
          ${t.done}
        </button>
      </div>
      <erp-list-mapping-editor .backend=${this.backend} .connectionId=${this.connectionId}></erp-list-mapping-editor>`;
  }

  private renderRow(f: FieldMapping, crmFields: CrmFieldInfo[]) {
    const t = adminTerms();
    const label = f.erpField.label;
    const offered = () => crmFields.filter((c) => compatible(f.erpField.type, c.type)).map((c) => ({ value: c.key, label: c.label }));
    const whyId = `why-${f.erpField.key}`;
    return html`<tr>
      <th scope="row" role="rowheader">
        ${label}${f.erpField.access === 'mandatory' ? html`<span class="required-mark" aria-hidden="true">*</span>` : nothing}
        ${f.notSyncable ? html`<div class="muted why" id=${whyId}>${notSyncableText(f.notSyncable)}</div>` : nothing}
      </th>
      <td>
        <select
          aria-label=${`${t.crmField} ${label}`}
          aria-describedby=${f.notSyncable ? whyId : nothing}
          ?disabled=${!!f.notSyncable}
          @change=${(e: Event) => {
            const value = (e.target as HTMLSelectElement).value || null;
            this.updateRow(f.erpField.key, { crmField: value, direction: value ? (f.direction ?? 'both') : null });
          }}
        >
          <option value="" ?selected=${!f.crmField}>${t.noSelection}</option>
          ${optionNodes(crmFields, family(f.erpField.type), offered, f.crmField)}
        </select>
      </td>
      <td>
        <select
          aria-label=${`${t.direction} ${label}`}
          title=${f.direction ? directionLabel(f.direction) : ''}
          ?disabled=${!f.crmField || !!f.notSyncable}
          @change=${(e: Event) => this.updateRow(f.erpField.key, { direction: (e.target as HTMLSelectElement).value as SyncDirection })}
        >
          ${f.crmField ? nothing : html`<option value="" selected></option>`}
          ${(['erp-to-crm', 'crm-to-erp', 'both'] as const).map(
            // The name starts with what the option shows (WCAG 2.5.3, label in name) and says it in words.
            (dir) =>
              html`<option
                value=${dir}
                aria-label=${`${DIRECTION_ARROWS[dir]}: ${directionLabel(dir)}`}
                title=${directionLabel(dir)}
                ?selected=${dir === f.direction}
              >
                ${DIRECTION_ARROWS[dir]}
              </option>`,
          )}
        </select>
      </td>
      <td>
        <input
          type="checkbox"
          aria-label=${`${t.showInSearch} ${label}`}
          .checked=${f.showInSearch}
          @change=${(e: Event) => this.updateRow(f.erpField.key, { showInSearch: (e.target as HTMLInputElement).checked })}
        />
      </td>
      <td>
        <input
          type="checkbox"
          aria-label=${`${t.showInTab} ${label}`}
          .checked=${f.showInTab}
          @change=${(e: Event) => this.updateRow(f.erpField.key, { showInTab: (e.target as HTMLInputElement).checked })}
        />
      </td>
      <td>
        ${f.erpField.type === 'list' && f.crmField && f.erpField.listName
          ? html`<button
              type="button"
              aria-label=${`${t.listMapping} ${label}`}
              @click=${() => this.listDialog.open(f.erpField.listName!, label)}
            >
              ${t.listMapping}
            </button>`
          : nothing}
      </td>
    </tr>`;
  }
}

/** Whether two versions of a mapping differ only in their field order and version (a Rank Fields save). */
function sameButOrder(a: ActorTypeMapping, b: ActorTypeMapping): boolean {
  const norm = (m: ActorTypeMapping) =>
    JSON.stringify({ ...m, version: '', fields: [...m.fields].sort((x, y) => x.erpField.key.localeCompare(y.erpField.key)) });
  return norm(a) === norm(b);
}
