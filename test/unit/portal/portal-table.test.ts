import { DateTime } from 'luxon';
import { parseWindow } from '../../../functions/domain/calendar/reporting-window';
import { PortalFieldsMissingError, portalTable } from '../../../functions/domain/portal/portal-rows';
import { buildReportModel } from '../../../functions/domain/report/build-report-model';
import { metricLabelWithUnit } from '../../../functions/domain/report/installation-section';
import type { ReportModel } from '../../../functions/domain/report/report-model';
import { summarize } from '../../../functions/domain/summary/summarize';
import { imagineConfig, imagineValues } from '../../fixtures/imagine-values';

const NOW = DateTime.fromISO('2023-10-02T09:00:00Z');
const ENGLISH = new Intl.NumberFormat('en', { maximumFractionDigits: 6 });

function reportAndPortal(period: string) {
  const config = imagineConfig();
  const values = imagineValues();
  const summary = summarize(config, values, parseWindow(config.project, period), NOW);
  return {
    config,
    report: buildReportModel({ config, summary, values, assessments: [] }),
    portal: portalTable(config, summary),
  };
}

/** The window's column (the last) of an installation's metric row in the report, found by its printed label. */
function reportFigure(report: ReportModel, installationName: string, label: string): string | undefined {
  const section = report.installations.find((item) => item.name === installationName);
  return section?.metrics.rows.find((row) => row[0] === label)?.at(-1);
}

describe("the EC portal's Installations table", () => {
  it("has 11 rows for PY1 whose quantities and countries are the report's, row by row", () => {
    const { config, report, portal } = reportAndPortal('PY1');
    expect(portal.rows).toHaveLength(11);
    expect(portal.rows.map((row) => row.installation)).toEqual(report.installations.map((item) => item.name));
    for (const row of portal.rows) {
      const installation = config.installations.find((item) => item.id === row.installationId);
      const metrics = installation?.metrics ?? [];
      const accessId = installation?.portal?.accessMetric;
      const access = metrics.find((metric) =>
        accessId === undefined ? metric.countsToward !== undefined : metric.id === accessId,
      );
      const countries = metrics.find((metric) => metric.kind === 'country-list');
      if (access === undefined || countries === undefined)
        throw new Error(`${row.installationId}: no metrics`);
      const quantity = reportFigure(report, row.installation, metricLabelWithUnit(access.label, access.unit));
      const listed = reportFigure(
        report,
        row.installation,
        metricLabelWithUnit(countries.label, countries.unit),
      );
      // The installation's name rides along so a failure says which row disagrees.
      expect([row.installation, row.quantityText, row.unit]).toEqual([
        row.installation,
        quantity,
        access.unit,
      ]);
      expect([row.installation, row.countries]).toEqual([
        row.installation,
        listed === 'none' ? [] : listed?.split(', '),
      ]);
      expect(row.quantity === null ? 'missing' : ENGLISH.format(row.quantity)).toBe(row.quantityText);
      expect(row.accessType).toBe('Virtual');
    }
    const ifca = portal.rows.find((row) => row.installationId === 'ifca-cpu');
    expect(ifca).toMatchObject({ beneficiary: 'CSIC', quantity: 94656 + 393888, unit: 'CPU-hours' });
  });

  it('names every installation and field the configuration lacks, with where to add it', () => {
    const config = imagineConfig();
    const [first, second] = config.installations;
    if (first === undefined || second === undefined) throw new Error('the example has installations');
    delete first.portal;
    if (second.portal !== undefined) second.portal.accessMetric = 'no-such-metric';
    const summary = summarize(config, imagineValues(), parseWindow(config.project, 'PY1'), NOW);
    let error: unknown;
    try {
      portalTable(config, summary);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PortalFieldsMissingError);
    const problems = (error as PortalFieldsMissingError).problems;
    expect(problems).toEqual([
      expect.stringContaining('installations["ai-development"].portal.beneficiary: missing'),
      expect.stringContaining('installations["ai-development"].portal.infrastructure: missing'),
      expect.stringContaining(
        'installations["ai-development"].portal.accessMetric: missing, and iMagine – AI Application Development Service has no metrics counting toward a budget',
      ),
      expect.stringContaining(
        'installations["ai-as-a-service"].portal.accessMetric: "no-such-metric" is not a metric',
      ),
    ]);
  });
});
