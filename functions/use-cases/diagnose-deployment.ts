import type { DiagnosticCheck, DiagnosticCheckId } from '../contract/diagnostics-contract';
import type { SheetsGateway, SheetTarget } from '../sheets/client/sheets-gateway';
import type { SheetBindingStore } from '../storage/sheet-binding-store';
import type { TableProbe } from '../storage/table-probe';

export interface DiagnoseDeploymentDeps {
  tableProbe: Pick<TableProbe, 'writeAndDelete' | 'tableName'>;
  sheetBindings: Pick<SheetBindingStore, 'get'>;
  sheets: () => Pick<SheetsGateway, 'readDocumentMetadata' | 'batchUpdate' | 'serviceAccountEmail'>;
  reportLinks: { secret: string | undefined };
}

/** Developer metadata the write check creates and deletes in the same batchUpdate: nothing stays. */
const PROBE_KEY = 'va-assess:diagnostics-probe';

const pass = (id: DiagnosticCheckId, message: string): DiagnosticCheck => ({ id, status: 'pass', message });
const fail = (id: DiagnosticCheckId, message: string): DiagnosticCheck => ({ id, status: 'fail', message });
const skipped = (id: DiagnosticCheckId, message: string): DiagnosticCheck => ({
  id,
  status: 'skipped',
  message,
});
/** Our typed errors already say what to do (share with..., bind another..., set VARIABLE...). */
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function tableCheck(deps: DiagnoseDeploymentDeps, projectId: string, by: string, at: string) {
  const table = deps.tableProbe.tableName;
  try {
    await deps.tableProbe.writeAndDelete(projectId, by, at);
    return pass('table-writable', `the function wrote to and deleted from its table ${table}`);
  } catch (error) {
    return fail(
      'table-writable',
      `the function could not write to its table ${table}: ${reasonOf(error)} Check TABLE_NAME and that the function's role may PutItem and DeleteItem on it (serverless.yml, docs/deploy.md).`,
    );
  }
}

async function sheetChecks(deps: DiagnoseDeploymentDeps, projectId: string): Promise<DiagnosticCheck[]> {
  const binding = await deps.sheetBindings.get(projectId);
  if (binding === null) {
    const why = 'no spreadsheet is bound';
    return [
      fail(
        'sheet-bound',
        `no spreadsheet is bound to project "${projectId}": open the consortium's spreadsheet and run Extensions › va-assess › Set up reporting sheet`,
      ),
      skipped('sheet-shared', why),
      skipped('sheet-writable', why),
    ];
  }
  const target: SheetTarget = { projectId, spreadsheetId: binding.spreadsheetId };
  const bound = pass('sheet-bound', `spreadsheet ${binding.spreadsheetId}, bound by ${binding.boundBy}`);
  let gateway: ReturnType<DiagnoseDeploymentDeps['sheets']>;
  let serviceAccount: string;
  try {
    gateway = deps.sheets();
    serviceAccount = await gateway.serviceAccountEmail();
    await gateway.readDocumentMetadata(target, PROBE_KEY);
  } catch (error) {
    return [
      bound,
      fail('sheet-shared', reasonOf(error)),
      skipped('sheet-writable', 'the spreadsheet cannot be read'),
    ];
  }
  const shared = pass('sheet-shared', `the service account ${serviceAccount} can open the spreadsheet`);
  try {
    await gateway.batchUpdate(target, [
      {
        createDeveloperMetadata: {
          developerMetadata: {
            metadataKey: PROBE_KEY,
            location: { spreadsheet: true },
            visibility: 'DOCUMENT',
          },
        },
      },
      { deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataKey: PROBE_KEY } } } },
    ]);
  } catch (error) {
    return [
      bound,
      shared,
      fail(
        'sheet-writable',
        `the service account ${serviceAccount} can open the spreadsheet but not change it: ${reasonOf(error)} Share it with ${serviceAccount} as Editor.`,
      ),
    ];
  }
  return [
    bound,
    shared,
    pass('sheet-writable', `the service account ${serviceAccount} can change the spreadsheet`),
  ];
}

function reportLinkCheck(deps: DiagnoseDeploymentDeps): DiagnosticCheck {
  return deps.reportLinks.secret === undefined
    ? fail(
        'report-link-secret',
        "REPORT_LINK_SECRET is not set: the sheet's report download link cannot be signed; set REPORT_LINK_SECRET (at least 32 characters, e.g. `openssl rand -hex 32`) or REPORT_LINK_SECRET_ARN, then redeploy",
      )
    : pass('report-link-secret', 'a report link secret is set (its value is never shown)');
}

/**
 * What only the backend can see of its own deployment, for `va-assess doctor`: its table, the
 * project's spreadsheet as its service account sees it, and its secrets (present or not, never their
 * values). Every check runs even when an earlier one fails, unless it needs what failed.
 */
export async function diagnoseDeployment(
  deps: DiagnoseDeploymentDeps,
  request: { projectId: string; by: string; at: string },
): Promise<DiagnosticCheck[]> {
  const table = await tableCheck(deps, request.projectId, request.by, request.at);
  let sheet: DiagnosticCheck[];
  try {
    sheet = await sheetChecks(deps, request.projectId);
  } catch (error) {
    const why = `the binding could not be read: ${reasonOf(error)}`;
    sheet = [fail('sheet-bound', why), skipped('sheet-shared', why), skipped('sheet-writable', why)];
  }
  return [table, ...sheet, reportLinkCheck(deps)];
}
