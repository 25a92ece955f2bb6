import { expect, type Page } from "@playwright/test";

export const SEED_PASSWORD = "teamgate-dev-password";

export async function signIn(page: Page, email: string, password = SEED_PASSWORD, callbackUrl = "/") {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** A unique address per test run so parallel tests never collide. */
export function uniqueEmail(label: string, domain = "example.com") {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@${domain}`;
}

/** Opens the invite dialog; retried because a click can land before the page has hydrated. */
export async function openInviteDialog(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Invite users" });
  await expect(async () => {
    if (!(await dialog.isVisible())) await page.getByRole("button", { name: "Invite users" }).first().click();
    await expect(dialog).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  return dialog;
}

/** Invites addresses through the admin UI (signed in as the page's user) and closes the dialog. */
export async function inviteThroughUi(page: Page, emails: string[], options: { role?: string; language?: string; team?: string } = {}) {
  await page.goto(`/teams/${options.team ?? "acme"}/settings/invitations`);
  const dialog = await openInviteDialog(page);
  await dialog.getByLabel("Email addresses").fill(emails.join("\n"));
  if (options.role) {
    await dialog.getByRole("combobox", { name: "Role" }).click();
    await page.getByRole("option", { name: options.role, exact: true }).click();
  }
  if (options.language) {
    await dialog.getByRole("combobox", { name: "Email language" }).click();
    await page.getByRole("option", { name: options.language, exact: true }).click();
  }
  await dialog.getByRole("button", { name: /Send invitations/ }).click();
  await expect(dialog.getByText(/invitations? sent/)).toBeVisible();
  const link = emails.length === 1 ? await dialog.getByLabel("Invitation link").inputValue() : null;
  await dialog.getByRole("button", { name: "Done" }).click();
  return link;
}
