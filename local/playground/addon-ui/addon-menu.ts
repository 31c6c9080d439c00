import type { AddonSandbox, MenuEntry } from '../../apps-script';

/**
 * The add-on's menu as `user` sees it: their spreadsheet opens, the bundle's onOpen runs as a simple
 * trigger for them, and whatever its createAddonMenu() added (items, separators, sub-menus) is the
 * menu. Nothing here knows the items: another onOpen gives another menu.
 */
export async function addonMenuFor(sandbox: AddonSandbox, user: string): Promise<MenuEntry[]> {
  const who = user.toLowerCase();
  const before = sandbox.host.menus.length;
  await sandbox.open(who);
  const added = sandbox.host.menus.slice(before).filter((menu) => menu.kind === 'addon' && menu.user === who);
  return added.at(-1)?.items ?? [];
}

/** Whether `functionName` is the callback of an item of `menu`: nothing else can be run from it. */
export function menuRuns(menu: readonly MenuEntry[], functionName: string): boolean {
  return menu.some((entry) => {
    if ('functionName' in entry) return entry.functionName === functionName;
    if ('subMenu' in entry) return menuRuns(entry.subMenu, functionName);
    return false;
  });
}
