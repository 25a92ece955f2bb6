import { render } from "@react-email/render";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderEmailParts } from "./render-email-parts";
import { NoticeEmail } from "./templates/notice-email";

describe("renderEmailParts", () => {
  it("gives the same HTML and plain text as two separate renders", async () => {
    const element = createElement(NoticeEmail, {
      lang: "fr",
      preview: "Ada a accepté l'invitation",
      heading: "Invitation acceptée",
      paragraphs: ["Ada <ada@example.com> a rejoint Acme en tant qu'Admin.", "Invitée par Olivia."],
      quote: { intro: "Sa raison :", text: "Pas maintenant & merci" },
      button: { label: "Voir les invitations", url: "https://teamgate.example/teams/acme/settings/invitations" },
      footer: "Vous recevez cet e-mail parce que vous avez invité Ada.",
    });
    const parts = await renderEmailParts(element);
    expect(parts.html).toBe(await render(element));
    expect(parts.text).toBe(await render(element, { plainText: true }));
    expect(parts.text).toContain("Pas maintenant & merci");
    expect(parts.text).toContain("https://teamgate.example/teams/acme/settings/invitations");
  });
});
