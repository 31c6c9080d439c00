import type { PeriodId } from '../calendar/reporting-period';
import type { DraftFigure } from './assessment-draft';
import type { DraftFormat } from './draft-format';
import { FigureRecorder } from './figure-recorder';

/** The metric a figure is about: its id scopes the figure, its label opens the figure's label. */
export interface FigureMetric {
  metricId: string;
  label: string;
}

/**
 * Quotes the figures of one installation's draft in one shape: each id is `<installation>/<path>`, and a
 * figure about a metric names the metric, so a reader can trace every quoted number to its source.
 */
export class InstallationFigures {
  private readonly recorder = new FigureRecorder();

  constructor(
    readonly installationId: string,
    private readonly format: DraftFormat,
  ) {}

  get figures(): DraftFigure[] {
    return this.recorder.figures;
  }

  /** Records the figure `<installation>/<path>` and returns its text for the sentence. */
  quote(
    path: string,
    label: string,
    text: string,
    value: DraftFigure['value'],
    periods: PeriodId[],
    metricId?: string,
  ): string {
    return this.recorder.quote({
      id: `${this.installationId}/${path}`,
      label,
      text,
      value,
      periods,
      installationId: this.installationId,
      ...(metricId === undefined ? {} : { metricId }),
    });
  }

  /** A figure about a metric, labelled "<metric>, <label>" and quoted as `text`. */
  metric(
    metric: FigureMetric,
    key: string,
    label: string,
    text: string,
    value: DraftFigure['value'],
    periods: PeriodId[],
  ): string {
    const path = `${metric.metricId}/${key}`;
    return this.quote(path, `${metric.label}, ${label}`, text, value, periods, metric.metricId);
  }

  /** A metric's number, quoted with all its decimals. */
  number(metric: FigureMetric, key: string, label: string, value: number, periods: PeriodId[]): string {
    return this.metric(metric, key, label, this.format.number(value), value, periods);
  }
}
