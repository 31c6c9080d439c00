import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportModel, ReportTable } from '../../domain/report/report-model';
import type { RenderedChart } from '../charts/render-chart';
import { isNumericCell } from '../numeric-cell';
import { columnWidths } from './column-widths';

/** Usable width of an A4 page with Word's default margins (11,906 twips less 2 x 1,440), in twips. */
const CONTENT_WIDTH_TWIPS = 9026;
/** The same width in pixels at 96 dpi (15 twips each): what a chart may take before it is scaled down. */
const CONTENT_WIDTH_PX = Math.floor(CONTENT_WIDTH_TWIPS / 15);
const TABLE_FONT_HALF_POINTS = 16;
/**
 * Characters of the 8 pt table font across the page: DejaVu Sans averages about 0.62 em a character
 * (10.7 px at 96 dpi), so about 6.6 px each.
 */
const TABLE_CAPACITY_CHARS = Math.floor(CONTENT_WIDTH_PX / 6.6);
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'B7C3CF' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
const LABEL_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF4' };
/** Air between a cell's border and its text, in twips: Word's default of none makes dense tables unreadable. */
const CELL_MARGINS = { top: 30, bottom: 30, left: 80, right: 80 };

type HeadingLevelValue = (typeof HeadingLevel)[keyof typeof HeadingLevel];

function cellParagraph(text: string, options: { bold?: boolean; right?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children: [new TextRun({ text, bold: options.bold ?? false, size: TABLE_FONT_HALF_POINTS })],
  });
}

/**
 * A table with fixed column widths shared by content (Word's auto layout gives every column the same
 * width), a header row repeated on each page, and figures aligned right as in the HTML file.
 */
function tableOf(table: ReportTable): Table {
  const keyValue = table.header.length === 0;
  const widths = columnWidths(table, CONTENT_WIDTH_TWIPS, TABLE_CAPACITY_CHARS);
  const cell = (
    text: string,
    index: number,
    options: { bold?: boolean; right?: boolean; shaded?: boolean },
  ) =>
    new TableCell({
      borders: BORDERS,
      margins: CELL_MARGINS,
      width: { size: widths[index] ?? 0, type: WidthType.DXA },
      ...(options.shaded ? { shading: LABEL_SHADING } : {}),
      children: [cellParagraph(text, options)],
    });
  const rows: TableRow[] = [];
  if (!keyValue) {
    rows.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: table.header.map((text, index) => cell(text, index, { bold: true, shaded: true })),
      }),
    );
  }
  for (const row of table.rows) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: row.map((text, index) =>
          keyValue
            ? cell(text, index, { bold: index === 0, shaded: index === 0 })
            : cell(text, index, { right: index > 0 && isNumericCell(text) }),
        ),
      }),
    );
  }
  return new Table({
    width: { size: CONTENT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows,
  });
}

/**
 * Headings stay with what follows them (no heading alone at a page's foot); chapters start a page, as
 * in the seed deliverable, while installation sections run on so short ones do not leave half-empty pages.
 */
function heading(text: string, level: HeadingLevelValue, options: { newPage?: boolean } = {}): Paragraph {
  return new Paragraph({
    text,
    heading: level,
    keepNext: true,
    keepLines: true,
    pageBreakBefore: options.newPage ?? false,
    spacing: { before: level === HeadingLevel.HEADING_3 ? 160 : 240, after: 80 },
  });
}

/** Space after a table, before the next paragraph or heading. */
function gap(): Paragraph {
  return new Paragraph({ children: [], spacing: { after: 60 } });
}

function body(texts: readonly string[], bold = false): Paragraph[] {
  return texts.map(
    (text) => new Paragraph({ children: [new TextRun({ text, bold })], spacing: { after: 120 } }),
  );
}

function figure(rendered: RenderedChart, index: number): Paragraph[] {
  const scale = Math.min(1, CONTENT_WIDTH_PX / rendered.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      // The picture and its caption on one page.
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: rendered.png,
          transformation: {
            width: Math.round(rendered.width * scale),
            height: Math.round(rendered.height * scale),
          },
          altText: {
            name: `chart-${index + 1}`,
            title: rendered.chart.title,
            description: rendered.chart.altText,
          },
        }),
      ],
    }),
    new Paragraph({
      children: [new TextRun({ text: rendered.chart.caption, italics: true, size: 18 })],
      spacing: { after: 240 },
    }),
  ];
}

/** The document title above every page but the first, as in the seed deliverable. */
function pageHeader(model: ReportModel): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: model.documentTitle, size: 16, color: '666666' })],
      }),
    ],
  });
}

/** "Page 3 of 16": a reviewer's comments cite pages. */
function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16 }),
        ],
      }),
    ],
  });
}

/** The report as a Word document (docx package): headings Word lists in its navigation pane, tables, PNG charts. */
export async function renderDocx(model: ReportModel, charts: readonly RenderedChart[]): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ children: [new TextRun({ text: model.projectTitle, bold: true, size: 28 })] }),
    heading(model.documentTitle, HeadingLevel.TITLE),
    new Paragraph({
      children: [new TextRun({ text: model.windowLabel, size: 24 })],
      spacing: { after: 240 },
    }),
    ...(model.closing === undefined
      ? []
      : [
          new Paragraph({
            children: [new TextRun({ text: model.closing.paragraphs[0] ?? '', italics: true })],
          }),
        ]),
    heading('Document description', HeadingLevel.HEADING_1),
    tableOf(model.documentDescription),
    heading('Executive summary', HeadingLevel.HEADING_1, { newPage: true }),
    ...body(model.executiveSummary.paragraphs),
    tableOf(model.executiveSummary.budgets),
    gap(),
    ...charts.flatMap(figure),
    heading('1. Introduction', HeadingLevel.HEADING_1, { newPage: true }),
    ...body(model.introduction.paragraphs),
    heading('1.1 Installations by task', HeadingLevel.HEADING_2),
    ...model.introduction.groups.flatMap((group) => [
      new Paragraph({ text: group.title, bullet: { level: 0 } }),
      ...group.installations.map(
        (item) => new Paragraph({ text: `${item.number} ${item.name}`, bullet: { level: 1 } }),
      ),
    ]),
    heading('2. Installations', HeadingLevel.HEADING_1, { newPage: true }),
  ];
  for (const installation of model.installations) {
    children.push(
      heading(`${installation.number} ${installation.name}`, HeadingLevel.HEADING_2),
      tableOf(installation.description),
      heading(`${installation.number}.1 Metrics`, HeadingLevel.HEADING_3),
      tableOf(installation.metrics),
      ...(installation.confirmations ?? []).map(
        (line) => new Paragraph({ children: [new TextRun({ text: line, italics: true, size: 18 })] }),
      ),
      heading(`${installation.number}.2 Assessment`, HeadingLevel.HEADING_3),
      ...body(installation.assessment.paragraphs, installation.assessment.status === 'missing'),
      new Paragraph({
        children: [new TextRun({ text: installation.assessment.provenance, italics: true, size: 16 })],
        spacing: { after: 240 },
      }),
    );
  }
  children.push(
    heading('3. Countries reached', HeadingLevel.HEADING_1, { newPage: true }),
    ...body(model.countries.paragraphs),
    tableOf(model.countries.perPeriod),
  );
  if (model.countries.perInstallation.rows.length > 0) {
    children.push(gap(), tableOf(model.countries.perInstallation));
  }
  children.push(heading('4. Completeness', HeadingLevel.HEADING_1), ...body(model.completeness.paragraphs));
  if (model.completeness.missing.rows.length > 0) children.push(tableOf(model.completeness.missing));
  if (model.closing !== undefined) {
    children.push(
      heading('5. Lock and amendments', HeadingLevel.HEADING_1),
      ...body(model.closing.paragraphs),
    );
    if (model.closing.amendments.rows.length > 0) children.push(tableOf(model.closing.amendments));
  }
  const document = new Document({
    creator: 'va-assess',
    title: model.documentTitle,
    description: `${model.projectTitle}, ${model.windowLabel}`,
    styles: { default: { document: { run: { font: 'DejaVu Sans', size: 20 } } } },
    sections: [
      {
        properties: { titlePage: true },
        headers: { default: pageHeader(model) },
        footers: { default: pageFooter(), first: pageFooter() },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
