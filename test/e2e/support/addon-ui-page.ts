import type { FrameLocator, Locator, Page } from 'playwright-core';

/** The add-on's menu entries as the page shows them: captions, and null for a separator. */
export async function shownAddonMenu(page: Page): Promise<(string | null)[]> {
  const menu = await openAddonMenu(page);
  return menu
    .locator(
      ':scope > [role="menuitem"], :scope > [role="separator"], :scope > .va-menu-group > [role="menuitem"]',
    )
    .evaluateAll((nodes) =>
      nodes.map((node) => (node.getAttribute('role') === 'separator' ? null : (node.textContent ?? ''))),
    );
}

/** Extensions › va-assess, opened as a person does: the add-on's own menu, visible. */
export async function openAddonMenu(page: Page): Promise<Locator> {
  const extensions = page.getByRole('button', { name: 'Extensions' });
  // Closed first if open: it opens with the menu of whoever acts now.
  if ((await extensions.getAttribute('aria-expanded')) === 'true') await extensions.click();
  await extensions.click();
  await page.getByRole('menuitem', { name: 'va-assess ›' }).click();
  const menu = page.getByRole('menu', { name: 'va-assess' });
  await menu.waitFor();
  return menu;
}

/** Extensions › va-assess › `caption`. */
export async function chooseAddonMenuItem(page: Page, caption: string): Promise<void> {
  const menu = await openAddonMenu(page);
  await menu.getByRole('menuitem', { name: caption, exact: true }).click();
}

/** The add-on's page inside the sidebar or dialog titled `title`. */
export function addonDialog(page: Page, title: string): { box: Locator; frame: FrameLocator } {
  const box = page.getByRole('dialog', { name: title, exact: true });
  return { box, frame: box.frameLocator('iframe') };
}
