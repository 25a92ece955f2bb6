import { test as setup } from "@playwright/test";
import { SEED_USERS, storageStateOf } from "./fixtures";
import { signIn } from "./helpers";

// Once per run, through the real sign-in form: the specs start from these sessions instead of
// typing a password into every test.
setup.describe.configure({ mode: "parallel" });

for (const user of SEED_USERS) {
  setup(`sign in as ${user}`, async ({ page }) => {
    await signIn(page, user);
    await page.context().storageState({ path: storageStateOf(user) });
  });
}
