import type { SheetBindingResponse } from '../../contract/contract';
import type { SheetBinding } from '../../storage/sheet-binding-store';
import type { Container } from '../container';

/** The binding as GET and PUT answer it, with the e-mail the sheet must be shared with. */
export async function sheetBindingView(
  container: Container,
  projectId: string,
  binding: SheetBinding | null,
): Promise<SheetBindingResponse> {
  return {
    projectId,
    spreadsheetId: binding?.spreadsheetId ?? null,
    serviceAccountEmail: await container.sheets().serviceAccountEmail(),
    boundBy: binding?.boundBy ?? null,
    boundAt: binding?.boundAt ?? null,
  };
}
