import type { ProjectConfig } from '../../domain/config/project-config-schema';
import type { MetricValue } from '../../domain/entries/metric-value';
import type { BaselineAttainment } from '../../domain/summary/baseline-attainment';
import type { BudgetUsage } from '../../domain/summary/budget-usage';
import type { InstallationSummary } from '../../domain/summary/installation-summary';
import type { MetricSummary } from '../../domain/summary/metric-summary';
import {
  reportAmount as amount,
  reportedProjection,
  reportedTarget,
} from '../../domain/summary/report-amount';
import { groupsToReport } from '../../domain/summary/reported-budgets';
import type { Trend } from '../../domain/summary/trend';
import { unconfiguredSentence } from '../../domain/summary/unconfigured-values';
import type { WindowSummary } from '../../domain/summary/window-summary';
import { textTable } from './text-table';

const percent = (share: number) => `${Math.round(share * 100)}%`;

function budgetLine(budget: BudgetUsage, windowId: string): string {
  if (!budget.hasMetrics)
    return `- ${budget.label}: no metric counts toward this budget, so its use is not measured.`;
  const lowerBound = budget.complete ? '' : ' (values missing: a lower bound)';
  return (
    `- ${budget.label}: ${amount(budget.usedInWindow)} ${budget.unit} used in ${windowId}${lowerBound}; ` +
    `${amount(budget.usedCumulative)} of ${amount(budget.amount)} used to date (${Math.round(budget.usedPercent)}%), ` +
    `${Math.round(budget.availablePercent)}% still available.\n` +
    `  Pace: ${budget.pace} (${percent(budget.usedShare)} used after ${percent(budget.elapsedShare)} of the time); ` +
    `straight-line projection ${amount(reportedProjection(budget))} ${budget.unit} by the end (${Math.round(budget.projectedPercent)}%).`
  );
}

function valueText(value: MetricValue | null): string {
  if (value === null) return 'missing';
  if (value.type === 'countries') return `${value.codes.length}`;
  return value.comparator === undefined ? amount(value.value) : `${value.comparator} ${amount(value.value)}`;
}

function attainmentText(attainment: BaselineAttainment | null): string {
  if (attainment === null) return '';
  if (attainment.type === 'countries') {
    const beyond = attainment.beyondBaseline.length > 0 ? ` +${attainment.beyondBaseline.length} new` : '';
    return `${attainment.baselineReached.length}/${attainment.baseline.length} listed${beyond}`;
  }
  const ratio = attainment.ratio === null ? 'n/a' : percent(attainment.ratio);
  const basis = attainment.basis === 'pro-rata' ? ' pro rata' : '';
  return `${ratio} of ${amount(reportedTarget(attainment))}${basis}${attainment.met ? ' (met)' : ''}`;
}

function trendText(trend: Trend): string {
  if (trend.direction === 'unknown') return '';
  const change =
    trend.changePercent === null
      ? ''
      : ` ${trend.changePercent >= 0 ? '+' : ''}${Math.round(trend.changePercent)}%`;
  return `${trend.direction}${change}`;
}

function metricRow(metric: MetricSummary): string[] {
  const baseline = metric.baselineAsTyped ?? '';
  return [
    metric.label,
    ...metric.periods.map((period) => valueText(period.value)),
    valueText(metric.aggregate),
    metric.aggregateBasis,
    baseline.length > 24 ? `${baseline.slice(0, 23)}…` : baseline,
    attainmentText(metric.attainment),
    trendText(metric.trend),
  ];
}

function installationSection(installation: InstallationSummary, summary: WindowSummary): string {
  const status = {
    used: 'used',
    'not-used': 'NOT USED in this window',
    unknown: 'usage unknown (values missing)',
  }[installation.usage];
  const header = [
    'metric',
    ...summary.window.periods.map((period) => `${period.id} ${period.label}`),
    summary.window.id,
    'rule',
    'baseline',
    'attainment',
    'trend',
  ];
  const lines = [
    `${installation.name} (${installation.task}, ${installation.role}): ${status}`,
    textTable(header, installation.metrics.map(metricRow)),
  ];
  if (installation.countries !== null && installation.countries.count > 0) {
    lines.push(
      `Countries reached: ${installation.countries.count} (${installation.countries.codes.join(', ')})`,
    );
  }
  return lines.join('\n');
}

export function renderSummary(config: ProjectConfig, summary: WindowSummary, rejectedCells: number): string {
  const window = summary.window;
  const lines: string[] = [
    `${config.project.title}: summary for ${window.label}, as of ${summary.asOf.slice(0, 10)}`,
    `Project months elapsed at the end of the window: ${summary.monthsElapsed} of ${summary.durationMonths} (${percent(summary.elapsedShare)}).`,
  ];
  if (rejectedCells > 0) {
    lines.push(`${rejectedCells} rejected value(s) are left out: run \`va-assess validate\` to see them.`);
  }
  lines.push(
    '',
    'Resources delivered against the budget',
    ...summary.budgets.map((b) => budgetLine(b, window.id)),
  );
  const groups = groupsToReport(summary);
  if (groups.length > 0) {
    lines.push('', 'Budget groups', ...groups.map((b) => budgetLine(b, window.id)));
  }
  const countries = summary.countries;
  lines.push(
    '',
    `Countries reached in ${window.id} (union over installations and periods): ${countries.count}` +
      (countries.count > 0 ? ` (${countries.codes.join(', ')})` : ''),
  );
  for (const period of countries.perPeriod) {
    if (period.codes !== null)
      lines.push(`  ${period.periodId} ${period.label} alone: ${period.codes.length}`);
  }
  const users = summary.users;
  if (users.perInstallation.length > 0) {
    lines.push('', 'Users (never added up: the same people use several installations and come back)');
    for (const figure of users.perInstallation) {
      const value = figure.value === null ? 'missing' : `${amount(figure.value)} (${figure.from.join(', ')})`;
      lines.push(`  ${figure.installationId}: ${value}`);
    }
    if (users.lowerBound !== null) {
      lines.push(
        `  At least ${amount(users.lowerBound.value)} distinct users (largest single installation).`,
      );
    }
  }
  const completeness = summary.completeness;
  lines.push(
    '',
    `Completeness: ${Math.round(completeness.percentComplete)}% (${completeness.present} of ${completeness.expected} values)`,
  );
  for (const missing of completeness.missing) {
    const who = missing.editors.length > 0 ? `, ask ${missing.editors.join(', ')}` : '';
    lines.push(`  missing: ${missing.installationName} › ${missing.metricLabel} › ${missing.periodId}${who}`);
  }
  const unconfigured = unconfiguredSentence(completeness.unconfigured, amount);
  if (unconfigured !== null) lines.push(`  ${unconfigured}`);
  lines.push(
    '',
    ...summary.installations.map((installation) => `${installationSection(installation, summary)}\n`),
  );
  return lines.join('\n').trimEnd();
}
