import type { DraftFormat } from '../drafts/draft-format';
import { countryLabel } from '../parsing/country-codes';
import type { WindowSummary } from '../summary/window-summary';
import { periodHeading } from './period-heading';
import type { CountriesSection } from './report-model';

/** Countries reached: a set union across installations and periods, never a sum of counts. */
export function countriesSection(summary: WindowSummary, format: DraftFormat): CountriesSection {
  const { countries, window } = summary;
  const names = new Map(summary.installations.map((item) => [item.installationId, item.name]));
  const codesText = (codes: readonly string[] | null) =>
    codes === null ? 'missing' : codes.length === 0 ? 'none' : codes.join(', ');
  const paragraphs =
    countries.count === 0
      ? [`No installation reports a country reached in ${window.label}.`]
      : [
          `Across all installations, users came from ${format.number(countries.count)} ${countries.count === 1 ? 'country' : 'countries'} in ${window.label}: ${format.list(countries.codes.map(countryLabel))}. Countries are a set union over installations and periods, never a sum of counts.`,
        ];
  return {
    paragraphs,
    perPeriod: {
      header: ['Period', 'Countries', 'Number of countries'],
      rows: [
        ...countries.perPeriod.map((period) => [
          periodHeading({ periodId: period.periodId, periodLabel: period.label }),
          codesText(period.codes),
          period.codes === null ? 'missing' : format.number(period.codes.length),
        ]),
        [window.label, codesText(countries.codes), format.number(countries.count)],
      ],
    },
    perInstallation: {
      header: ['Installation', `Countries in ${window.id}`, 'Number of countries'],
      rows: countries.perInstallation.map((item) => [
        names.get(item.installationId) ?? item.installationId,
        codesText(item.codes),
        format.number(item.count),
      ]),
    },
  };
}
