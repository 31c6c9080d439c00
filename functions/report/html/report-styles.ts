/** Inline styles: the file stands alone (no network), reads on screen and prints on A4 with repeated table headers. */
export const REPORT_CSS = `
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1a1a1a; max-width: 190mm; margin: 0 auto; padding: 12px; }
h1 { font-size: 20pt; margin: 0.2em 0; color: #0b3d66; }
h2 { font-size: 15pt; color: #0b3d66; border-bottom: 1px solid #0b3d66; padding-bottom: 2px; margin-top: 1.6em; }
h3 { font-size: 12.5pt; color: #0b3d66; margin-top: 1.4em; }
h4 { font-size: 11pt; margin: 1em 0 0.4em; }
.cover { border-bottom: 3px solid #0b3d66; margin-bottom: 1em; padding-bottom: 0.5em; }
.cover .project { font-size: 13pt; font-weight: bold; margin: 0; }
.cover .window { margin: 0; color: #444; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 9pt; page-break-inside: auto; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #b7c3cf; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #e8eef4; }
td.number { text-align: right; white-space: nowrap; }
table.kv th { width: 28%; }
figure { margin: 1em 0; page-break-inside: avoid; }
figure img { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 9pt; color: #333; font-style: italic; margin-top: 0.3em; }
.assessment.missing { border-left: 4px solid #b00020; background: #fdecee; padding: 4px 8px; font-weight: bold; }
.assessment.edited, .assessment.generated { border-left: 4px solid #b7c3cf; padding: 0 8px; }
.provenance { font-size: 8.5pt; color: #555; }
/* Chapters start a printed page, as in the Word file; installation sections run on, headings kept with their content. */
#executive-summary, #introduction, #installations, #countries { break-before: page; }
h2, h3, h4 { break-after: avoid; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
`;
