import type { AssessmentStatus, ReportAssessment } from './report-model';

/** An assessment text as stored (a draft) or freshly generated; StoredDraft fits it. */
export interface AssessmentSource {
  installationId: string;
  text: string;
  origin: 'generated' | 'edited';
  editedBy?: string | null;
  editedAt?: string | null;
}

function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

/** The later edit wins when two are given (ISO instants compare as text). */
function latestEdit(sources: readonly AssessmentSource[]): AssessmentSource | undefined {
  return [...sources].sort((a, b) => (a.editedAt ?? '').localeCompare(b.editedAt ?? '')).pop();
}

/**
 * The assessment printed for one installation: a person's text wins over a generated draft, and an
 * installation with neither is marked missing in words, so a blank never passes for "nothing to say".
 */
export function resolveAssessment(
  installationId: string,
  windowLabel: string,
  sources: readonly AssessmentSource[],
): ReportAssessment {
  const usable = sources.filter(
    (source) => source.installationId === installationId && paragraphsOf(source.text).length > 0,
  );
  const edited = latestEdit(usable.filter((source) => source.origin === 'edited'));
  const chosen = edited ?? usable.find((source) => source.origin === 'generated');
  if (chosen === undefined) {
    return {
      status: 'missing',
      paragraphs: [
        `Assessment missing: nobody has written or generated the assessment of this installation for ${windowLabel} yet.`,
      ],
      provenance: 'Missing',
    };
  }
  const status: AssessmentStatus = chosen.origin;
  const by = chosen.editedBy ? ` by ${chosen.editedBy}` : '';
  const on = chosen.editedAt ? ` on ${chosen.editedAt.slice(0, 10)}` : '';
  return {
    status,
    paragraphs: paragraphsOf(chosen.text),
    provenance: status === 'edited' ? `Written${by}${on}` : 'Drafted from the figures',
  };
}
