import { html, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { ErpBackend } from '../../backend/erp-backend.js';
import type { ErpProblem } from '../../backend/problem.js';
import { buildRestrictions, isSearchable, newCriterion, type Criterion, type CriterionProblem } from '../../model/criteria.js';
import type { ActorType, FieldMeta, Restriction } from '../../model/types.js';
import { getLocale } from '../../i18n/localization.js';
import { problemMessage } from '../../i18n/problem-message.js';
import { ListItemsController } from '../erp-field/list-items-controller.js';
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
  private nextId = 1;

  private readonly fieldsLoader: LoadController<[string, ActorType], FieldMeta[]>;
  /** The items of the lists the criteria's fields use. */
  private readonly lists: ListItemsController;

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
    this.lists = new ListItemsController(host, () => {
      const { backend, connectionId } = this.source();
      const fields = this.criteria.map((c) => this.fields?.find((f) => f.key === c.field)).filter((f) => f !== undefined);
      return { backend, connectionId, fields };
    });
  }

  /** Why the search fields or a criterion's list did not load. */
  get error(): ErpProblem | null {
    return this.fieldsLoader.problem ?? this.lists.error;
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
  }

  abort(): void {
    this.fieldsLoader.abort();
    this.lists.abort();
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
    this.host.requestUpdate();
    if (this.criteria.length > 1) this.focusLater('#criteria .criterion:last-child select');
  }

  remove(id: number): void {
    const index = this.criteria.findIndex((c) => c.id === id);
    this.criteria = this.criteria.filter((c) => c.id !== id);
    this.problems = withoutProblem(this.problems, id);
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const rows = this.host.renderRoot.querySelectorAll<HTMLElement>('#criteria .criterion');
      const target = rows[Math.min(index, rows.length - 1)]?.querySelector<HTMLElement>('select');
      (target ?? this.host.renderRoot.querySelector<HTMLElement>('.add-criterion'))?.focus();
    });
  }

  change(criterion: Criterion): void {
    this.criteria = this.criteria.map((c) => (c.id === criterion.id ? criterion : c));
    if (this.problems.has(criterion.id)) this.problems = withoutProblem(this.problems, criterion.id);
    this.host.requestUpdate();
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
            this.lists.retry();
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
      lists: this.lists.items,
      problems: this.problems,
      onChange: (c) => this.change(c),
      onAdd: () => this.add(),
      onRemove: (id) => this.remove(id),
    });
  }

  private focusLater(selector: string): void {
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }
}

/** The problems without the one of criterion `id` (a new map: the last render keeps the old). */
function withoutProblem(problems: ReadonlyMap<number, CriterionProblem>, id: number): Map<number, CriterionProblem> {
  const next = new Map(problems);
  next.delete(id);
  return next;
}
