import { expect, test } from "./fixtures";

test.use({ signedInAs: "admin@acme.test" });

test("members are searchable by name or email, and the search lives in the URL", async ({ page }) => {
  await page.goto("/teams/acme/settings/members");
  const rows = page.locator("tbody tr");
  await expect(rows.filter({ hasText: "owner@acme.test" })).toBeVisible();

  const search = page.getByLabel("Search members by name or email");
  // Typing before hydration is lost by the controlled box, so type inside the retry. Each try
  // empties the box first: React ignores a fill that leaves the value as it already is.
  await expect(async () => {
    await search.fill("");
    await search.fill("MIA");
    await expect(page).toHaveURL(/q=MIA/, { timeout: 5000 });
  }).toPass({ timeout: 15_000 });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("member@acme.test");

  await page.reload();
  await expect(search).toHaveValue("MIA");
  await expect(async () => {
    await search.fill("");
    await search.fill("nobody-like-this");
    await expect(page.getByText("No members match “nobody-like-this”")).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 15_000 });
  await page.getByRole("button", { name: "Clear the search" }).click();
  await expect(page).not.toHaveURL(/q=/);
  await expect(rows.filter({ hasText: "owner@acme.test" })).toBeVisible();
  await expect(search).toHaveValue("");
});
