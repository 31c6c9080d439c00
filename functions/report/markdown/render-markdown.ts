import type { ReportChart, ReportModel, ReportTable } from '../../domain/report/report-model';
import { escapeInline, escapeLine, escapePersonLine } from './escape-markdown';

/**
 * Names and titles come from the config, and generated paragraphs quote them: a line break in one
 * (CommonMark also ends a line at a lone CR) would start a heading, list item or table row of its own
 * in the middle of the file. People's assessments keep their line breaks (see personParagraph).
 */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/** Markup, pipes and line breaks would change or end a Markdown table cell. */
function cell(text: string): string {
  return oneLine(escapeInline(text));
}

/** A name or title inside a heading, list item or bold line: one line, no markup. */
function inline(text: string): string {
  return escapeInline(oneLine(text));
}

/** A generated paragraph (quoting names): one line of text. */
function paragraph(text: string): string {
  return escapeLine(oneLine(text));
}

/** A person's paragraph keeps its line breaks; each line is text but for links to safe schemes. */
function personParagraph(text: string): string {
  return text
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map(escapePersonLine)
    .join('\n');
}

function tableMarkdown(table: ReportTable): string {
  const header = table.header.length === 0 ? ['', ''] : table.header;
  const lines = [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
  return lines.join('\n');
}

/** Markdown cannot carry the picture portably: the caption and the chart's figures in words stand in for it. */
function chartMarkdown(chart: ReportChart): string {
  return `**${inline(chart.caption)}**\n\n> ${inline(chart.altText)}`;
}

/** The report as Markdown: the same sections and tables as the Word and HTML files. */
export function renderMarkdown(model: ReportModel): string {
  const blocks: string[] = [
    `# ${inline(model.documentTitle)}`,
    `**${inline(model.projectTitle)}**, ${inline(model.windowLabel)}`,
    ...(model.closing === undefined ? [] : [`_${inline(model.closing.paragraphs[0] ?? '')}_`]),
    '## Document description',
    tableMarkdown(model.documentDescription),
    '## Executive summary',
    ...model.executiveSummary.paragraphs.map(paragraph),
    tableMarkdown(model.executiveSummary.budgets),
    ...model.executiveSummary.charts.map(chartMarkdown),
    '## 1. Introduction',
    ...model.introduction.paragraphs.map(paragraph),
    '### 1.1 Installations by task',
    model.introduction.groups
      .map(
        (group) =>
          `- ${inline(group.title)}\n${group.installations.map((item) => `  - ${item.number} ${inline(item.name)}`).join('\n')}`,
      )
      .join('\n'),
    '## 2. Installations',
  ];
  for (const installation of model.installations) {
    blocks.push(
      `### ${installation.number} ${inline(installation.name)}`,
      tableMarkdown(installation.description),
      `#### ${installation.number}.1 Metrics`,
      tableMarkdown(installation.metrics),
      ...(installation.confirmations ?? []).map((line) => `_${inline(line)}_`),
      `#### ${installation.number}.2 Assessment`,
      ...(installation.assessment.status === 'missing'
        ? installation.assessment.paragraphs.map((text) => `**${inline(text)}**`)
        : installation.assessment.paragraphs.map(personParagraph)),
      `_${inline(installation.assessment.provenance)}_`,
    );
  }
  blocks.push(
    '## 3. Countries reached',
    ...model.countries.paragraphs.map(paragraph),
    tableMarkdown(model.countries.perPeriod),
  );
  if (model.countries.perInstallation.rows.length > 0)
    blocks.push(tableMarkdown(model.countries.perInstallation));
  blocks.push('## 4. Completeness', ...model.completeness.paragraphs.map(paragraph));
  if (model.completeness.missing.rows.length > 0) blocks.push(tableMarkdown(model.completeness.missing));
  if (model.closing !== undefined) {
    blocks.push('## 5. Lock and amendments', ...model.closing.paragraphs.map(paragraph));
    if (model.closing.amendments.rows.length > 0) blocks.push(tableMarkdown(model.closing.amendments));
  }
  return `${blocks.join('\n\n')}\n`;
}
