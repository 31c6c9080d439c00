import type { PeriodId } from '../calendar/reporting-period';

export interface CountrySetSummary {
  /** Union over the window, first-seen order. */
  codes: string[];
  count: number;
  /** Each period's own list (union of the lists concerned); null when no list was entered for it. */
  perPeriod: { periodId: PeriodId; label: string; codes: string[] | null }[];
}

export interface InstallationCountries extends CountrySetSummary {
  installationId: string;
}

/** Countries reached: a set union across installations and periods, never a sum of counts. */
export interface CountriesReached extends CountrySetSummary {
  perInstallation: InstallationCountries[];
}
