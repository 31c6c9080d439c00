import { DateTime } from 'luxon';
import { renderSummary } from '../../../functions/cli/render/render-summary';
import { parseWindow } from '../../../functions/domain/calendar/reporting-window';
import { buildReportModel } from '../../../functions/domain/report/build-report-model';
import { summarize } from '../../../functions/domain/summary/summarize';
import { summaryHeadlines } from '../../../functions/domain/summary/summary-headlines';
import { imagineConfig, imagineValues } from '../../fixtures/imagine-values';

const NOW = DateTime.fromISO('2023-10-02T09:00:00Z');

/** The example while a coordinator has removed one installation from the configuration. */
function withoutInstallation(installationId: string) {
  const full = imagineConfig();
  const config = {
    ...full,
    installations: full.installations.filter((installation) => installation.id !== installationId),
  };
  return { config, values: imagineValues() };
}

describe('values stored for installations no longer configured', () => {
  it('are named in the summary, its headlines and the report, with their total, never dropped without a word', () => {
    const installationId = 'ifca-cpu';
    const { config, values } = withoutInstallation(installationId);

    const summary = summarize(config, values, parseWindow(config.project, 'PY1'), NOW);

    const named = summary.completeness.unconfigured.filter((item) => item.installationId === installationId);
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((item) => item.reason === 'installation-not-configured')).toBe(true);
    const hours = named.find((item) => item.metricId === 'cpu-hours');
    const typed = values
      .filter((value) => value.installationId === installationId && value.metricId === 'cpu-hours')
      .map((value) => (value.value.type === 'number' ? value.value.value : 0));
    expect(hours).toEqual({
      installationId,
      metricId: 'cpu-hours',
      reason: 'installation-not-configured',
      periodIds: ['P1', 'P2'],
      total: typed.reduce((sum, value) => sum + value, 0),
    });
    const headline = summaryHeadlines(summary).at(-1) ?? '';
    expect(headline).toContain('not counted');
    expect(headline).toContain(`${installationId} / cpu-hours (P1, P2: `);

    const model = buildReportModel({ config, summary, values, assessments: [] });
    expect(model.completeness.paragraphs.join(' ')).toContain(`${installationId} / cpu-hours (P1, P2: `);
    expect(renderSummary(config, summary, 0)).toContain(`${installationId} / cpu-hours (P1, P2: `);
  });

  it('names a metric the installation no longer has, and nothing when everything is configured', () => {
    const config = imagineConfig();
    const full = summarize(config, imagineValues(), parseWindow(config.project, 'PY1'), NOW);
    expect(full.completeness.unconfigured).toEqual([]);
    expect(summaryHeadlines(full).join(' ')).not.toContain('not counted');

    const first = config.installations.find((installation) => installation.id === 'ifca-cpu');
    if (first === undefined) throw new Error('the example has ifca-cpu');
    const trimmed = {
      ...config,
      installations: config.installations.map((installation) =>
        installation === first
          ? { ...first, metrics: first.metrics.filter((metric) => metric.id !== 'cpu-hours') }
          : installation,
      ),
    };
    const summary = summarize(trimmed, imagineValues(), parseWindow(config.project, 'P1'), NOW);
    expect(summary.completeness.unconfigured).toEqual([
      expect.objectContaining({
        installationId: first.id,
        metricId: 'cpu-hours',
        reason: 'metric-not-configured',
        periodIds: ['P1'],
      }),
    ]);
  });
});
