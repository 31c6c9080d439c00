import { ANCHOR_KEYS, assessmentRowValue } from './anchors';
import {
  GENERATED_CELL_FIELDS,
  type GeneratedColumn,
  generatedCell,
  headerFixes,
  headerRequests,
} from './generated-table';
import { anchorRow, appendRows, freezeRows, type Request, writeCells } from './sheet-requests';
import { cellText, rowsByAnchor, type TabSnapshot } from './sheet-snapshot';
import type { TabModule } from './tab-module';
import { textHash } from './text-hash';

export const ASSESSMENT_COLUMNS: readonly GeneratedColumn[] = [
  { header: 'Installation', width: 240, wrapped: true },
  { header: 'Window', width: 130 },
  { header: 'Assessment', width: 520, wrapped: true },
  { header: 'Edited by a person?', width: 110 },
  { header: 'Figures it was drafted from', width: 300, wrapped: true },
  { header: 'Drafted at', width: 170 },
  { header: "Newer draft (not applied: the assessment is a person's text)", width: 420, wrapped: true },
];
/** Index of the cell a person may rewrite. */
export const ASSESSMENT_TEXT_COLUMN = 2;

export interface AssessmentInput {
  installationId: string;
  installationName: string;
  /** The freshly generated draft. */
  generatedText: string;
  figuresText: string;
  /** The stored draft's text when a person edited it (through the API or an earlier sheet edit). */
  storedEditedText: string | null;
  /**
   * Hashes (text-hash.ts) of every text the backend knows as not a person's new edit: what the
   * functions wrote (recorded in DynamoDB) and the stored drafts, of the window's installations.
   */
  knownHashes: readonly string[];
}

export interface AssessmentsPlanInput {
  windowId: string;
  windowLabel: string;
  draftedAt: string;
  assessments: readonly AssessmentInput[];
}

/** A person's text found in the Assessments tab: to be stored as the installation's edited draft. */
export interface SheetEdit {
  installationId: string;
  text: string;
}

export interface AssessmentsPlan {
  requests: Request[];
  editsFound: SheetEdit[];
  /**
   * The hash of what each installation's assessment cell holds once this plan is applied: the text it
   * writes, or the person's edit it keeps (stored before, so known to the backend from then on).
   */
  cellHashes: Map<string, string>;
}

/**
 * The "assessment written" hashes earlier versions kept as row metadata: any editor can rewrite
 * developer metadata, so they decide nothing and are removed.
 */
function legacyWrittenHashes(tab: TabSnapshot): Request[] {
  return tab.rowAnchors
    .filter((anchor) => anchor.key === ANCHOR_KEYS.assessmentWritten)
    .map((anchor) => ({
      deleteDeveloperMetadata: {
        dataFilter: { developerMetadataLookup: { metadataId: anchor.metadataId } },
      },
    }));
}

/**
 * One row per installation for the window. The assessment cell's text is compared with the texts the
 * backend knows as the functions' own (knownHashes, from DynamoDB, never from the sheet): another
 * text is a person's edit, which stays in the cell (and is reported in editsFound, to be stored
 * before this plan is sent) while the new draft goes to the "newer draft" column. Once stored, that
 * edit is the stored draft, so later runs know it and do not store it again over a newer API edit.
 */
export function planAssessments(
  tab: TabSnapshot,
  created: boolean,
  input: AssessmentsPlanInput,
): AssessmentsPlan {
  const sheetId = tab.sheetId;
  const requests: Request[] = created
    ? headerRequests(sheetId, ASSESSMENT_COLUMNS)
    : headerFixes(tab, ASSESSMENT_COLUMNS);
  requests.push(...legacyWrittenHashes(tab));
  const rows = rowsByAnchor(tab, ANCHOR_KEYS.assessmentRow);
  const editsFound: SheetEdit[] = [];
  const cellHashes = new Map<string, string>();
  const appended: { texts: string[]; anchor: string }[] = [];
  const cells = (texts: readonly string[], from: number) => [
    texts.map((text, offset) => generatedCell(text, ASSESSMENT_COLUMNS[from + offset])),
  ];

  for (const assessment of input.assessments) {
    const anchor = assessmentRowValue(assessment.installationId, input.windowId);
    const row = rows.get(anchor);
    const inCell = row === undefined ? '' : cellText(tab, row, ASSESSMENT_TEXT_COLUMN);
    const personEdit =
      row !== undefined && inCell.trim() !== '' && !assessment.knownHashes.includes(textHash(inCell));
    const current = personEdit ? inCell : (assessment.storedEditedText ?? assessment.generatedText);
    const edited = personEdit || assessment.storedEditedText !== null;
    const newer = edited && assessment.generatedText !== current ? assessment.generatedText : '';
    const labels = [assessment.installationName, input.windowLabel];
    const details = [edited ? 'yes' : 'no', assessment.figuresText, input.draftedAt, newer];
    if (personEdit) {
      editsFound.push({ installationId: assessment.installationId, text: inCell });
    }
    cellHashes.set(assessment.installationId, textHash(personEdit ? inCell : current));
    if (row === undefined) {
      appended.push({ anchor, texts: [...labels, current, ...details] });
      continue;
    }
    if (personEdit) {
      requests.push(writeCells(sheetId, row, 0, cells(labels, 0), GENERATED_CELL_FIELDS));
      requests.push(
        writeCells(
          sheetId,
          row,
          ASSESSMENT_TEXT_COLUMN + 1,
          cells(details, ASSESSMENT_TEXT_COLUMN + 1),
          GENERATED_CELL_FIELDS,
        ),
      );
      continue;
    }
    requests.push(
      writeCells(sheetId, row, 0, cells([...labels, current, ...details], 0), GENERATED_CELL_FIELDS),
    );
  }

  if (appended.length > 0) {
    requests.push(appendRows(sheetId, appended.length));
    appended.forEach((row, offset) => {
      requests.push(anchorRow(sheetId, tab.rowCount + offset, ANCHOR_KEYS.assessmentRow, row.anchor));
    });
    requests.push(
      writeCells(
        sheetId,
        tab.rowCount,
        0,
        appended.map((row) => cells(row.texts, 0)[0] ?? []),
        GENERATED_CELL_FIELDS,
      ),
    );
  }
  if (tab.frozenRowCount < 1 && tab.rowCount + appended.length > 1) requests.push(freezeRows(sheetId, 1));
  return { requests, editsFound, cellHashes };
}

/** The Assessments tab: one row per installation and window, its assessment cell a person may rewrite. */
export const assessmentsTab: TabModule<'assessments'> = {
  role: 'assessments',
  title: 'Assessments',
  columnCount: ASSESSMENT_COLUMNS.length,
  anchors: [ANCHOR_KEYS.assessmentRow, ANCHOR_KEYS.assessmentWritten],
  protection: 'generated',
  createdBySetup: true,
  // Its write-back writes the header of a tab it creates (planAssessments); setup does the same.
  plan: (planned) => ({
    requests: planned.created ? headerRequests(planned.tab.sheetId, ASSESSMENT_COLUMNS) : [],
  }),
};
