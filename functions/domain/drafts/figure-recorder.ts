import type { DraftFigure } from './assessment-draft';

/** Collects each figure as the text quotes it, so the text and its figures cannot drift apart. */
export class FigureRecorder {
  readonly figures: DraftFigure[] = [];

  /** Records the figure (once per id) and returns its text for the sentence. */
  quote(figure: DraftFigure): string {
    if (!this.figures.some((known) => known.id === figure.id)) this.figures.push(figure);
    return figure.text;
  }
}
