import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportModel, ReportTable } from '../../domain/report/report-model';
import type { RenderedChart } from '../charts/render-chart';

/** Usable width of an A4 page with Word's default margins, in pixels at 96 dpi. */
const CONTENT_WIDTH_PX = 600;
const TABLE_FONT_HALF_POINTS = 16;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'B7C3CF' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cellParagraph(text: string, bold = false): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, bold, size: TABLE_FONT_HALF_POINTS })] });
}

function tableOf(table: ReportTable): Table {
  const keyValue = table.header.length === 0;
  const rows: TableRow[] = [];
  if (!keyValue) {
    rows.push(
      new TableRow({
        tableHeader: true,
        children: table.header.map(
          (text) =>
            new TableCell({
              borders: BORDERS,
              shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF4' },
              children: [cellParagraph(text, true)],
            }),
        ),
      }),
    );
  }
  for (const row of table.rows) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: row.map(
          (text, index) =>
            new TableCell({
              borders: BORDERS,
              ...(keyValue && index === 0
                ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF4' } }
                : {}),
              children: [cellParagraph(text, keyValue && index === 0)],
            }),
        ),
      }),
    );
  }
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ text, heading: level });
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

/** The report as a Word document (docx package): headings Word lists in its navigation pane, tables, PNG charts. */
export async function renderDocx(model: ReportModel, charts: readonly RenderedChart[]): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ children: [new TextRun({ text: model.projectTitle, bold: true, size: 28 })] }),
    heading(model.documentTitle, HeadingLevel.TITLE),
    new Paragraph({
      children: [new TextRun({ text: model.windowLabel, size: 24 })],
      spacing: { after: 240 },
    }),
    heading('Document description', HeadingLevel.HEADING_1),
    tableOf(model.documentDescription),
    heading('Executive summary', HeadingLevel.HEADING_1),
    ...body(model.executiveSummary.paragraphs),
    tableOf(model.executiveSummary.budgets),
    ...charts.flatMap(figure),
    heading('1. Introduction', HeadingLevel.HEADING_1),
    ...body(model.introduction.paragraphs),
    heading('1.1 Installations by task', HeadingLevel.HEADING_2),
    ...model.introduction.groups.flatMap((group) => [
      new Paragraph({ text: group.title, bullet: { level: 0 } }),
      ...group.installations.map(
        (item) => new Paragraph({ text: `${item.number} ${item.name}`, bullet: { level: 1 } }),
      ),
    ]),
    heading('2. Installations', HeadingLevel.HEADING_1),
  ];
  for (const installation of model.installations) {
    children.push(
      new Paragraph({
        text: `${installation.number} ${installation.name}`,
        heading: HeadingLevel.HEADING_2,
        pageBreakBefore: true,
      }),
      tableOf(installation.description),
      heading(`${installation.number}.1 Metrics`, HeadingLevel.HEADING_3),
      tableOf(installation.metrics),
      heading(`${installation.number}.2 Assessment`, HeadingLevel.HEADING_3),
      ...body(installation.assessment.paragraphs, installation.assessment.status === 'missing'),
      new Paragraph({
        children: [new TextRun({ text: installation.assessment.provenance, italics: true, size: 16 })],
      }),
    );
  }
  children.push(
    heading('3. Countries reached', HeadingLevel.HEADING_1),
    ...body(model.countries.paragraphs),
    tableOf(model.countries.perPeriod),
  );
  if (model.countries.perInstallation.rows.length > 0) {
    children.push(new Paragraph({ text: '' }), tableOf(model.countries.perInstallation));
  }
  children.push(heading('4. Completeness', HeadingLevel.HEADING_1), ...body(model.completeness.paragraphs));
  if (model.completeness.missing.rows.length > 0) children.push(tableOf(model.completeness.missing));
  const document = new Document({
    creator: 'va-assess',
    title: model.documentTitle,
    description: `${model.projectTitle}, ${model.windowLabel}`,
    styles: { default: { document: { run: { font: 'DejaVu Sans', size: 20 } } } },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
