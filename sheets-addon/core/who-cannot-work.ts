/**
 * Who cannot work in the reporting spreadsheet yet: people the project's configuration lists who
 * cannot edit the spreadsheet, people who can edit it but are listed nowhere (the backend refuses
 * their edits), and installations none of whose listed editors can edit it (nobody but a
 * coordinator can type their figures). Pure: the caller reads the configuration from the backend
 * and the editors from Spreadsheet.getEditors().
 */

export interface ProjectPeople {
  coordinators: readonly string[];
  installations: readonly { id: string; name: string; editors: readonly string[] }[];
}

export interface ListedPerson {
  email: string;
  /** "coordinator", "editor of <installation name>"… */
  roles: string[];
}

export interface WhoCannotWork {
  listedNotEditors: ListedPerson[];
  editorsListedNowhere: string[];
  installationsWithoutEditor: { id: string; name: string; listed: string[] }[];
}

const lower = (email: string) => email.trim().toLowerCase();

function listedPeople(people: ProjectPeople): Map<string, string[]> {
  const listed = new Map<string, string[]>();
  const add = (email: string, role: string) => {
    const key = lower(email);
    listed.set(key, [...(listed.get(key) ?? []), role]);
  };
  for (const email of people.coordinators) add(email, 'coordinator');
  for (const installation of people.installations)
    for (const email of installation.editors) add(email, `editor of ${installation.name}`);
  return listed;
}

/**
 * `ignore`: editors that are expected and listed nowhere on purpose (the backend's service account,
 * which must edit the spreadsheet to write its tabs).
 */
export function whoCannotWork(
  people: ProjectPeople,
  spreadsheetEditors: readonly string[],
  ignore: readonly string[] = [],
): WhoCannotWork {
  const editors = new Set(spreadsheetEditors.map(lower));
  const listed = listedPeople(people);
  const ignored = new Set(ignore.map(lower));
  return {
    listedNotEditors: [...listed]
      .filter(([email]) => !editors.has(email))
      .map(([email, roles]) => ({ email, roles })),
    editorsListedNowhere: [...editors].filter((email) => !listed.has(email) && !ignored.has(email)),
    installationsWithoutEditor: people.installations
      .filter((installation) => !installation.editors.some((email) => editors.has(lower(email))))
      .map(({ id, name, editors: listedEditors }) => ({ id, name, listed: listedEditors.map(lower) })),
  };
}

/** The report in sentences a coordinator acts on; [] when everyone can work. */
export function whoCannotWorkLines(report: WhoCannotWork): string[] {
  const lines: string[] = [];
  if (report.listedNotEditors.length > 0)
    lines.push(
      'Listed in the configuration but not editors of this spreadsheet (they cannot type until it is shared with them as editor):',
      ...report.listedNotEditors.map((person) => `• ${person.email} (${person.roles.join(', ')})`),
    );
  if (report.editorsListedNowhere.length > 0)
    lines.push(
      'Editors of this spreadsheet listed nowhere in the configuration (the backend refuses what they type: add them as editors of their installation, or as coordinators, then Apply configuration):',
      ...report.editorsListedNowhere.map((email) => `• ${email}`),
    );
  if (report.installationsWithoutEditor.length > 0)
    lines.push(
      'Installations nobody but a coordinator can fill in:',
      ...report.installationsWithoutEditor.map((installation) =>
        installation.listed.length === 0
          ? `• ${installation.name}: the configuration lists no editor`
          : `• ${installation.name}: none of its editors (${installation.listed.join(', ')}) can edit this spreadsheet`,
      ),
    );
  return lines;
}
