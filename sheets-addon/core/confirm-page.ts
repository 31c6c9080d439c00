import type { ConfirmationPreview } from '../../functions/shared/addon-contract';
import { escapeHtml } from './report-link-page';

/** What "Confirm my figures…" shows: each of the caller's installations for one period. */
export interface ConfirmDialogView {
  periodId: string;
  /** The periods the person may switch to, oldest first (the shown one included). */
  periods: string[];
  email: string;
  previews: ConfirmationPreview[];
}

const STATUS_TEXT: Record<ConfirmationPreview['cells'][number]['status'], string> = {
  accepted: 'accepted',
  warning: 'warning',
  rejected: 'rejected',
  empty: 'empty',
};

function cellRows(preview: ConfirmationPreview): string {
  return preview.cells
    .map(
      (cell) =>
        `<tr class="${cell.status}"><th scope="row">${escapeHtml(cell.label)}</th><td>${escapeHtml(cell.text)}</td><td>${STATUS_TEXT[cell.status]}</td></tr>`,
    )
    .join('');
}

function warningInputs(preview: ConfirmationPreview): string {
  return preview.warnings
    .map(
      (warning) =>
        `<label class="justify">Why does "${escapeHtml(warning.normalized)}" stand? <span class="why">${escapeHtml(warning.messages.join(' '))}</span>` +
        `<input class="justification" data-metric="${escapeHtml(warning.metricId)}" maxlength="500" required></label>`,
    )
    .join('');
}

function actionHtml(preview: ConfirmationPreview): string {
  if (!preview.mayConfirm) return '<p class="note">Only its listed editors confirm these figures.</p>';
  if (preview.blocking.length > 0) {
    const items = preview.blocking.map((cell) => `<li>${escapeHtml(cell.message)}</li>`).join('');
    return `<p class="warn">Not yet: fix these cells first.</p><ul class="blocking">${items}</ul>`;
  }
  return `${warningInputs(preview)}<button class="confirm" type="button">Confirm these figures as ${escapeHtml(preview.installationName)}'s</button><p class="result" role="status"></p>`;
}

/** One installation: what the person is about to stand behind, and what stands in the way. */
function sectionHtml(preview: ConfirmationPreview): string {
  const versions = escapeHtml(JSON.stringify(preview.versions));
  return [
    `<section class="installation" data-installation="${escapeHtml(preview.installationId)}" data-period="${escapeHtml(preview.periodId)}" data-versions="${versions}">`,
    `<h2>${escapeHtml(preview.installationName)}</h2>`,
    `<p class="state ${preview.current.state}">${escapeHtml(preview.current.sentence)}</p>`,
    `<table><thead><tr><th>Metric</th><th>${escapeHtml(preview.periodId)}</th><th>Status</th></tr></thead><tbody>${cellRows(preview)}</tbody></table>`,
    `<p class="totals">Totals of ${escapeHtml(preview.periodLabel)}: ${preview.totals.map(escapeHtml).join('; ')}</p>`,
    actionHtml(preview),
    '</section>',
  ].join('\n');
}

/** The other periods as buttons (the shown one marked): figures are often confirmed after their period. */
function periodLinks(view: ConfirmDialogView): string {
  if (view.periods.length < 2) return '';
  const buttons = view.periods.map((period) =>
    period === view.periodId
      ? `<strong aria-current="true">${escapeHtml(period)}</strong>`
      : `<button class="period" type="button" data-period="${escapeHtml(period)}">${escapeHtml(period)}</button>`,
  );
  return `<p class="periods">Period: ${buttons.join(' ')}</p>`;
}

/** confirm.html with every installation's section in its markup: what is confirmed is what is shown. */
export function confirmPage(template: string, view: ConfirmDialogView): string {
  const body =
    view.previews.length === 0
      ? `<p>${escapeHtml(view.email)} edits no installation of this project, so has no figures to confirm.</p>`
      : view.previews.map(sectionHtml).join('\n');
  const fields: Record<string, string> = {
    __CONFIRM_PERIOD__: escapeHtml(view.periodId),
    __CONFIRM_PERIODS__: periodLinks(view),
    __CONFIRM_EMAIL__: escapeHtml(view.email),
    __CONFIRM_SECTIONS__: body,
  };
  return template.replace(/__CONFIRM_[A-Z_]+__/g, (placeholder) => fields[placeholder] ?? placeholder);
}
