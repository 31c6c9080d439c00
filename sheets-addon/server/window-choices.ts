import type { ApiClient } from '../core/api-client';
import type { PeriodChoice } from '../shared/ui-types';

/** What a dialog's window list shows: the choices and the one preselected, or why there are none. */
export interface WindowChoices {
  choices: PeriodChoice[];
  selected: string;
  /** Set when the calendar could not be read: shown instead of the choices. */
  error: string;
}

/** Every period, then every project year, from the backend's calendar, the current period preselected. */
export function windowChoices(api: ApiClient): WindowChoices {
  const calendar = api.calendar();
  if (calendar.kind !== 'ok') {
    return {
      choices: [],
      selected: '',
      error: `The project's periods could not be read: ${calendar.message}`,
    };
  }
  const { periods, years, currentPeriodId } = calendar.value;
  return {
    choices: [...periods, ...years].map((item) => ({ id: item.id, label: item.label })),
    selected: currentPeriodId,
    error: '',
  };
}
