import { html, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { ErpBackend } from '../../backend/erp-backend.js';
import { isAbort, type ErpProblem } from '../../backend/problem.js';
import { buildRestrictions, isSearchable, newCriterion, type Criterion, type CriterionProblem } from '../../model/criteria.js';
import type { ActorType, FieldMeta, ListItem, Restriction } from '../../model/types.js';
import { getLocale } from '../../i18n/localization.js';
import { problemMessage } from '../../i18n/problem-message.js';
import { LoadController } from '../shared/load-controller.js';
import { renderCriteriaEditor } from './criteria-editor.js';

interface Host extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

interface Source {
  backend: ErpBackend;
  connectionId: string;
  actorType: ActorType;
}

/**
 * The connect dialog's advanced search: the ERP's searchable fields, the criteria the user builds
 * from them, the items of their list fields, and the restrictions a search sends. Keyboard focus
 * follows added and removed criteria and lands on the first invalid one. Its loads are the host's
 * (aborted when the dialog goes).
 */
export class AdvancedSearchController {
  /** The searchable fields; null until loaded. */
  fields: FieldMeta[] | null = null;
  criteria: Criterion[] = [];
  /** Problems found when the user last pressed Search, by criterion id. */
  problems = new Map<number, CriterionProblem>();
  lists = new Map<string, ListItem[]>();
  private nextId = 1;

  private readonly fieldsLoader: LoadController<[string, ActorType], FieldMeta[]>;
  /** The items of the lists the criteria use, side by side; a run loads every one still missing. */
  private readonly listLoader: LoadController<[string[]], void>;

  constructor(
    private readonly host: Host,
    private readonly source: () => Source,
  ) {
    this.fieldsLoader = new LoadController(
      host,
      ([connectionId, actorType], signal) =>
        this.source()
          .backend.getSearchableFields(connectionId, actorType, { signal })
          .then((fields) => fields.filter(isSearchable)),
      (fields) => {
        this.fields = fields;
        if (this.criteria.length === 0 && fields[0]) this.add();
      },
    );
    this.listLoader = new LoadController(host, async ([names], signal) => {
      const { backend, connectionId } = this.source();
      let failure: unknown;
      await Promise.all(
        names.map(async (name) => {
          try {
            const items = await backend.getList(connectionId, name, { signal });
            if (!signal.aborted) this.lists = new Map(this.lists).set(name, items);
          } catch (error) {
            if (!isAbort(error)) failure ??= error;
          }
        }),
      );
      if (failure !== undefined) throw failure;
    });
  }

  /** Why the search fields or a criterion's list did not load. */
  get error(): ErpProblem | null {
    return this.fieldsLoader.problem ?? this.listLoader.problem;
  }

  /** Loads the searchable fields, once per connection and actor type. */
  async open(): Promise<void> {
    this.problems = new Map();
    if (this.fields) return;
    const { connectionId, actorType } = this.source();
    await this.fieldsLoader.run(connectionId, actorType);
  }

  /** Another connection or actor type has other searchable fields. */
  forget(): void {
    this.fields = null;
    this.criteria = [];
    this.listLoader.abort();
    this.lists = new Map();
  }

  abort(): void {
    this.fieldsLoader.abort();
    this.listLoader.abort();
  }

  clearProblems(): void {
    this.problems = new Map();
    this.host.requestUpdate();
  }

  /** The restrictions to search by, or null (focus on the first invalid criterion) when one is invalid. */
  restrictions(): Restriction[] | null {
    const { restrictions, problems } = buildRestrictions(this.criteria, this.fields ?? [], getLocale());
    this.problems = problems;
    this.host.requestUpdate();
    if (problems.size === 0) return restrictions;
    const index = this.criteria.findIndex((c) => problems.has(c.id));
    this.focusLater(`#criteria .criterion:nth-child(${index + 1}) [aria-invalid="true"]`);
    return null;
  }

  add(): void {
    const fields = this.fields ?? [];
    const used = new Set(this.criteria.map((c) => c.field));
    const field = fields.find((f) => !used.has(f.key)) ?? fields[0];
    if (!field) return;
    this.criteria = [...this.criteria, newCriterion(this.nextId++, field)];
    this.ensureList(field);
    this.host.requestUpdate();
    if (this.criteria.length > 1) this.focusLater('#criteria .criterion:last-child select');
  }

  remove(id: number): void {
    const index = this.criteria.findIndex((c) => c.id === id);
    this.criteria = this.criteria.filter((c) => c.id !== id);
    this.problems.delete(id);
    this.problems = new Map(this.problems);
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const rows = this.host.renderRoot.querySelectorAll<HTMLElement>('#criteria .criterion');
      const target = rows[Math.min(index, rows.length - 1)]?.querySelector<HTMLElement>('select');
      (target ?? this.host.renderRoot.querySelector<HTMLElement>('.add-criterion'))?.focus();
    });
  }

  change(criterion: Criterion): void {
    this.criteria = this.criteria.map((c) => (c.id === criterion.id ? criterion : c));
    if (this.problems.has(criterion.id)) {
      this.problems.delete(criterion.id);
      this.problems = new Map(this.problems);
    }
    this.host.requestUpdate();
    const field = this.fields?.find((f) => f.key === criterion.field);
    if (field) this.ensureList(field);
  }

  /** The criteria editor, or why the fields did not load (with Retry), or that they are loading. */
  render() {
    const error = this.error;
    if (error) {
      return html`<div class="error-box" part="error" role="alert">
        <p>${problemMessage(error)}</p>
        <button
          type="button"
          @click=${() => {
            this.fieldsLoader.clear();
            this.listLoader.clear();
            void this.open();
          }}
        >
          ${msg('Retry', { id: 'action.retry' })}
        </button>
      </div>`;
    }
    if (!this.fields) {
      return html`<p class="muted" id="criteria">${msg('Loading search fields…', { id: 'connect.loadingFields' })}</p>`;
    }
    return renderCriteriaEditor({
      fields: this.fields,
      criteria: this.criteria,
      lists: this.lists,
      problems: this.problems,
      onChange: (c) => this.change(c),
      onAdd: () => this.add(),
      onRemove: (id) => this.remove(id),
    });
  }

  /** Loads the list of `field` if it has one, with any other list the criteria still miss. */
  private ensureList(field: FieldMeta): void {
    const name = field.listName;
    if (field.type !== 'list' || !name || this.lists.has(name)) return;
    const fields = this.fields ?? [];
    const wanted = this.criteria.map((c) => fields.find((f) => f.key === c.field)?.listName);
    const missing = [...new Set([name, ...wanted])].filter((n): n is string => !!n && !this.lists.has(n));
    void this.listLoader.run(missing);
  }

  private focusLater(selector: string): void {
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }
}
