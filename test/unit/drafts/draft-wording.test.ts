import { DateTime } from 'luxon';
import { parseWindow } from '../../../functions/domain/calendar/reporting-window';
import { draftAssessments, draftExecutiveSummary } from '../../../functions/domain/drafts';
import type { EntryValue } from '../../../functions/domain/entries/entry';
import { summarize } from '../../../functions/domain/summary/summarize';
import { countries, imagineConfig, imagineValues, number } from '../../fixtures/imagine-values';

const config = imagineConfig();
const now = DateTime.fromISO('2023-10-15T09:00:00', { zone: 'Europe/Amsterdam' });

function draftsFor(window: string, values: EntryValue[] = imagineValues()) {
  const summary = summarize(config, values, parseWindow(config.project, window), now);
  return { drafts: draftAssessments(config, summary), executive: draftExecutiveSummary(config, summary) };
}

function textOf(window: string, installationId: string, values?: EntryValue[]): string {
  const draft = draftsFor(window, values).drafts.find((d) => d.installationId === installationId);
  if (draft === undefined) throw new Error(`no draft for ${installationId}`);
  return draft.text;
}

/** TR-FC1-ULAKBIM's baseline lists one country (TR); here it reached it, and one more, in P2. */
function ulakbimReached(codes: string, users: number): EntryValue[] {
  return imagineValues().map((value) => {
    if (value.installationId !== 'tr-fc1-ulakbim' || value.periodId !== 'P2') return value;
    if (value.metricId === 'countries') return { ...value, value: countries(codes) };
    if (value.metricId === 'users') return { ...value, value: number(users) };
    return value;
  });
}

describe('drafts read as English a person would write', () => {
  it('counts one baseline country, one user and one country in the singular', () => {
    const text = textOf('PY1', 'tr-fc1-ulakbim', ulakbimReached('TR', 1));
    expect(text).toContain('Of the 1 country of its baseline (TR), 1 was reached (100%).');
    expect(text).toContain('the installation served 1 user from 1 country.');
    expect(text).not.toMatch(/\b1 (countries|users)\b/);
  });

  it('keeps the plural for several', () => {
    const text = textOf('PY1', 'tr-fc1-ulakbim', ulakbimReached('TR, DE', 2));
    expect(text).toContain('the installation served 2 users from 2 countries.');
    expect(text).toContain('1 country was reached beyond the baseline: DE.');
  });

  it('opens the trend with "As can be seen", never "As it can be seen"', () => {
    const { drafts } = draftsFor('P2');
    const all = drafts.map((draft) => draft.text).join('\n');
    expect(all).toContain('As can be seen, usage grew from 94,656 CPU-hours');
    expect(all).not.toContain('As it can be seen');
  });
});

describe('drafts print computed figures as precisely as their inputs', () => {
  it.each([
    // A whole baseline pro rata is whole: 4,000,000 / 3 and 100 / 6 carry no decimals.
    ['PY1', 'ai-development', 'amounts to 1,333,333 CPU+GPU-hours for the 12 months of PY1'],
    ['P2', 'incd-storage', 'amounts to more than 17 TB-month for the 6 months of P2'],
    ['P2', 'ifca-storage', 'amounts to 167 TB-month for the 6 months of P2'],
  ])('%s %s: "%s"', (window, installationId, sentence) => {
    expect(textOf(window, installationId)).toContain(sentence);
  });

  it('keeps the decimal of a baseline typed with one: 29,433.6 over the project is 4,905.6 for 6 months', () => {
    const used = imagineValues().map((value) =>
      value.installationId === 'tr-fc1-ulakbim' && value.metricId === 'gpu-hours' && value.periodId === 'P2'
        ? { ...value, value: number(1000) }
        : value,
    );
    expect(textOf('P2', 'tr-fc1-ulakbim', used)).toContain(
      'amounts to 4,905.6 GPU-hours for the 6 months of P2',
    );
  });

  it('leaves no stray decimal in any draft of the example: every decimal figure is one the data or a baseline carries', () => {
    for (const window of ['P1', 'P2', 'PY1', 'CUM-P2', 'CUM-P4', 'PY2']) {
      const { drafts, executive } = draftsFor(window);
      const text = [executive.text, ...drafts.map((draft) => draft.text)].join('\n');
      const decimals = [...text.matchAll(/\d[\d,]*\.\d+/g)].map((match) => match[0]);
      expect({ window, decimals: [...new Set(decimals)].filter((figure) => !ALLOWED.has(figure)) }).toEqual({
        window,
        decimals: [],
      });
    }
  });
});

/** Figures typed with a decimal in the example (3.4 TB-month, 33.4 = 30 + 3.4, 29,433.6) and those computed from them. */
const ALLOWED = new Set(['3.4', '33.4', '29,433.6', '4,905.6', '9,811.2', '19,622.4']);
