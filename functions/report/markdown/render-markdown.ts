import type { ReportChart, ReportModel, ReportTable } from '../../domain/report/report-model';

/** Pipes and line breaks would end a Markdown table cell early. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
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
  return `**${chart.caption}**\n\n> ${chart.altText}`;
}

/** The report as Markdown: the same sections and tables as the Word and HTML files. */
export function renderMarkdown(model: ReportModel): string {
  const blocks: string[] = [
    `# ${model.documentTitle}`,
    `**${model.projectTitle}**, ${model.windowLabel}`,
    '## Document description',
    tableMarkdown(model.documentDescription),
    '## Executive summary',
    ...model.executiveSummary.paragraphs,
    tableMarkdown(model.executiveSummary.budgets),
    ...model.executiveSummary.charts.map(chartMarkdown),
    '## 1. Introduction',
    ...model.introduction.paragraphs,
    '### 1.1 Installations by task',
    model.introduction.groups
      .map(
        (group) =>
          `- ${group.title}\n${group.installations.map((item) => `  - ${item.number} ${item.name}`).join('\n')}`,
      )
      .join('\n'),
    '## 2. Installations',
  ];
  for (const installation of model.installations) {
    blocks.push(
      `### ${installation.number} ${installation.name}`,
      tableMarkdown(installation.description),
      `#### ${installation.number}.1 Metrics`,
      tableMarkdown(installation.metrics),
      `#### ${installation.number}.2 Assessment`,
      ...(installation.assessment.status === 'missing'
        ? installation.assessment.paragraphs.map((paragraph) => `**${paragraph}**`)
        : installation.assessment.paragraphs),
      `_${installation.assessment.provenance}_`,
    );
  }
  blocks.push(
    '## 3. Countries reached',
    ...model.countries.paragraphs,
    tableMarkdown(model.countries.perPeriod),
  );
  if (model.countries.perInstallation.rows.length > 0)
    blocks.push(tableMarkdown(model.countries.perInstallation));
  blocks.push('## 4. Completeness', ...model.completeness.paragraphs);
  if (model.completeness.missing.rows.length > 0) blocks.push(tableMarkdown(model.completeness.missing));
  return `${blocks.join('\n\n')}\n`;
}
