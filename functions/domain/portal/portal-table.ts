/** The files the portal table is exported as. */
export const PORTAL_FORMATS = ['csv', 'xlsx'] as const;
export type PortalFormat = (typeof PORTAL_FORMATS)[number];

/** The EC portal's access type for everything va-assess reports: Virtual Access. */
export const PORTAL_ACCESS_TYPE = 'Virtual';

/** One row of the portal's Installations table: one installation's access in the window. */
export interface PortalRow {
  installationId: string;
  /** The access provider: the beneficiary's short name. */
  beneficiary: string;
  infrastructure: string;
  installation: string;
  accessType: typeof PORTAL_ACCESS_TYPE;
  /** The window's quantity of access; null when no period of the window has a value. */
  quantity: number | null;
  /** The quantity exactly as the report's metric table prints it. */
  quantityText: string;
  unit: string;
  /** ISO 3166 codes, as the report lists them (first seen first). */
  countries: string[];
  countriesText: string;
}

export interface PortalTable {
  projectId: string;
  windowId: string;
  /** "PY1 (M01–M12)" */
  windowLabel: string;
  rows: PortalRow[];
}

/** Column headings, in the portal's order (docs/ec-portal.md). */
export const PORTAL_COLUMNS = [
  'Access provider (beneficiary)',
  'Infrastructure',
  'Installation',
  'Access type',
  'Quantity of access',
  'Unit of access',
  "Users' countries",
] as const;

/** A row as the columns above hold it: the quantity as a number (null: empty), everything else text. */
export function portalRowCells(
  row: PortalRow,
): [string, string, string, string, number | null, string, string] {
  return [
    row.beneficiary,
    row.infrastructure,
    row.installation,
    row.accessType,
    row.quantity,
    row.unit,
    row.countriesText,
  ];
}
