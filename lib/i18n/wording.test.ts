import { describe, expect, it } from "vitest";
import { getCatalogue } from "./catalogues";
import { frenchDe } from "./french-de";
import { pluralize } from "./pluralize";
import { localizeRoleName } from "./role-label";
import { withIndefiniteArticle } from "./with-indefinite-article";

describe("plurals", () => {
  const en = { one: "invitation", other: "invitations" };
  const fr = { one: "invitation", other: "invitations" };
  it("English: only 1 is singular", () => {
    expect([0, 1, 2, 21].map((n) => pluralize("en", n, en))).toEqual([
      "invitations",
      "invitation",
      "invitations",
      "invitations",
    ]);
  });
  it("French: 0 and 1 are singular", () => {
    expect([0, 1, 2, 21].map((n) => pluralize("fr", n, fr))).toEqual([
      "invitation",
      "invitation",
      "invitations",
      "invitations",
    ]);
  });
});

describe("elision and articles", () => {
  it("French elides de before a vowel or h", () => {
    expect(["Acme", "Initech", "Hélios", "Écho", "Globex", "Yahoo"].map(frenchDe)).toEqual([
      "d’Acme",
      "d’Initech",
      "d’Hélios",
      "d’Écho",
      "de Globex",
      "de Yahoo",
    ]);
  });
  it("English picks a or an", () => {
    expect(["Admin", "Owner", "Member"].map(withIndefiniteArticle)).toEqual(["an Admin", "an Owner", "a Member"]);
  });
  it("the invitation page says d’Acme", () => {
    const t = getCatalogue("fr").invitePage;
    expect(t.alreadyMember("Acme")).toBe("Vous êtes déjà membre d’Acme.");
    expect(t.alreadyMember("Globex")).toBe("Vous êtes déjà membre de Globex.");
    expect(t.expiredBody("Acme")).toBe("Demandez à un administrateur d’Acme de vous en envoyer une nouvelle.");
  });
});

describe("role names: one source per language", () => {
  it("the French email and the French page name a role alike", () => {
    const page = getCatalogue("fr").roles.admin;
    expect(page).toBe("Administrateur");
    expect(getCatalogue("fr").email.intro("Olivia", "Acme", "Admin")).toBe(
      "Olivia vous invite à rejoindre Acme avec le rôle Administrateur.",
    );
    expect(localizeRoleName("fr", "Member")).toBe("Membre");
  });
  it("the English email reads as a sentence; a team's own role keeps its name", () => {
    expect(getCatalogue("en").email.intro("Olivia", "Acme", "Member")).toBe(
      "Olivia has invited you to join Acme as a Member.",
    );
    expect(getCatalogue("en").email.intro("Olivia", "Acme", "Admin")).toBe(
      "Olivia has invited you to join Acme as an Admin.",
    );
    expect(localizeRoleName("fr", "Reviewer")).toBe("Reviewer");
  });
});
