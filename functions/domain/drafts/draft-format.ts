import { monthLabel } from '../calendar/reporting-period';
import type { PeriodRef, WindowRef } from '../summary/window-ref';

/** Turns figures into the words a draft quotes, in one locale. */
export interface DraftFormat {
  /** A figure as entered: all its decimals (94,656; 3.4; 29,433.6). */
  number(value: number): string;
  /** A share in percent, whole unless that would hide a non-zero or incomplete share (0.4%, 99.6%). */
  percent(percent: number): string;
  /** "A, B and C" */
  list(items: readonly string[]): string;
  /** The noun a count takes in English prose: 1 country, 9 countries, 0 countries. */
  noun(count: number, one: string, other: string): string;
}

/** The drafts are English whatever locale prints their numbers, so English chooses the noun's form. */
const englishPlurals = new Intl.PluralRules('en');

export function draftFormat(locale = 'en-GB'): DraftFormat {
  const exact = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const percentWhole = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const percentFine = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const listFormat = new Intl.ListFormat('en-GB', { type: 'conjunction' });
  return {
    number: (value) => exact.format(value),
    percent: (percent) => {
      const rounded = Math.round(percent);
      const hidesSomething = (rounded === 0 && percent !== 0) || (rounded === 100 && percent !== 100);
      return (hidesSomething ? percentFine : percentWhole).format(percent / 100);
    },
    list: (items) => listFormat.format(items),
    noun: (count, one, other) => (englishPlurals.select(count) === 'one' ? one : other),
  };
}

/** "P2 (M07–M12)" */
export function periodPhrase(period: Pick<PeriodRef, 'id' | 'label'>): string {
  return `${period.id} (${period.label})`;
}

/** "M01–M12" */
export function windowMonths(window: Pick<WindowRef, 'firstMonth' | 'lastMonth'>): string {
  return monthLabel(window.firstMonth, window.lastMonth);
}

/** How a sentence names the window: "this period (M07–M12)", "this project year (M01–M12)"... */
export function windowPhrase(window: WindowRef): string {
  const months = windowMonths(window);
  if (window.kind === 'period') return `this period (${months})`;
  if (window.kind === 'year') return `this project year (${months})`;
  return `the project so far (${months})`;
}

/** "Number of users" → "number of users", but "CPU node/hours" stays as it is. */
export function lowerFirst(text: string): string {
  const [first = '', second = ''] = text;
  return second !== '' && second === second.toLowerCase() && second !== second.toUpperCase()
    ? first.toLowerCase() + text.slice(1)
    : text;
}

export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The phrase for the period a value or trend point names: "P2 (M07–M12)". */
export function pointPhrase(point: { periodId: PeriodRef['id']; label: string }): string {
  return periodPhrase({ id: point.periodId, label: point.label });
}
