import { render } from "@react-email/render";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { getCatalogue, LANGUAGES } from "@/lib/i18n/catalogues";
import { LANGUAGE_CODES } from "@/lib/invitations/languages";
import { toDisplayText } from "./display-text";
import { renderInvitationEmail, type InvitationEmailInput } from "./render-invitation-email";
import { InvitationEmail } from "./templates/invitation-email";

const base = {
  to: "ada@example.com",
  teamName: "Acme",
  inviterName: "Olivia Owner",
  roleName: "Admin",
  expiresAt: new Date("2026-12-01T10:00:00Z"),
  url: "https://teamgate.example/invite/tgi_abc",
};

describe("renderInvitationEmail", () => {
  it("renders English: who, which team, role, address, expiry, button and plain link", async () => {
    const email = await renderInvitationEmail({ ...base, language: "en" });
    expect(email.subject).toBe("Join Acme on Teamgate");
    for (const part of [email.html, email.text]) {
      expect(part).toContain("Olivia Owner has invited you to join Acme as an Admin.");
      expect(part).toContain("This invitation is for ada@example.com.");
      expect(part).toContain("1 December 2026 at 10:00 UTC");
      expect(part).toContain("Accept invitation");
      expect(part).toContain("https://teamgate.example/invite/tgi_abc");
      expect(part).toMatch(/If you weren(&#x27;|')t expecting this invitation/);
    }
    expect(email.html).toContain('href="https://teamgate.example/invite/tgi_abc"');
  });

  it("renders French from the invitation's language", async () => {
    const email = await renderInvitationEmail({ ...base, language: "fr" });
    expect(email.subject).toBe("Rejoignez Acme sur Teamgate");
    expect(email.text).toContain("Accepter l’invitation");
    expect(email.text).toContain("1 décembre 2026");
    expect(email.html).toContain('lang="fr"');
  });

  it("keeps hostile team and inviter names inert", async () => {
    const email = await renderInvitationEmail({
      ...base,
      language: "en",
      teamName: '<a href="//evil.example">Click</a>',
      inviterName: "Support at evil.example",
    });
    expect(email.html).not.toContain('<a href="//evil');
    expect(email.html).toContain("&lt;a href=");
    const links = [...email.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(links)).toEqual(new Set([base.url]));
    expect(email.text).not.toMatch(/evil\.example/);
    expect(email.subject).not.toMatch(/evil\.example/);
  });

  it("carries no bidi control from a team, inviter or role name into the subject, HTML or text", async () => {
    const bidi = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
    const email = await renderInvitationEmail({
      ...base,
      language: "en",
      teamName: "Acme\u202Egnp.exe",
      inviterName: "\u2067Olivia\u2069 \u200FOwner",
      roleName: "Admin\u202D",
    });
    // The preview's padding is react-email's own run of invisible characters, not a name.
    const html = email.html.replace(/<div>[\s\u200b-\u200f\u200c\u00a0\ufeff\u034f]*<\/div>/g, "");
    for (const part of [email.subject, html, email.text]) expect(part).not.toMatch(bidi);
    expect(email.subject).toContain("Acmegnp");
  });

  it.each(LANGUAGES)(
    "registers %s once: a subject of fixed text plus the team name only, and an invitable language",
    async (code) => {
      const email = await renderInvitationEmail({ ...base, language: code });
      expect(email.subject).toContain("Acme");
      expect(email.subject).not.toContain("Olivia");
      expect(email.html).toContain(`lang="${code}"`);
      expect(LANGUAGE_CODES).toContain(code);
    },
  );
});

/** The email as React renders it for one recipient, without the shared template. */
async function renderDirectly(input: InvitationEmailInput) {
  const t = getCatalogue(input.language).email;
  const team = toDisplayText(input.teamName);
  const expires = `${new Intl.DateTimeFormat(t.intlLocale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(input.expiresAt)} UTC`;
  const lead =
    input.variant === "reminder"
      ? t.reminderLead(expires)
      : input.variant === "current_link"
        ? t.currentLinkLead
        : undefined;
  const subject =
    input.variant === "reminder"
      ? t.reminderSubject(team)
      : input.variant === "current_link"
        ? t.currentLinkSubject(team)
        : t.subject(team);
  const element = createElement(InvitationEmail, {
    lang: input.language,
    lead,
    preview: t.preview(team),
    heading: t.heading(team),
    intro: t.intro(toDisplayText(input.inviterName ?? team), team, toDisplayText(input.roleName, 40)),
    invitedAddress: t.invitedAddress(input.to),
    expires: t.expires(expires),
    buttonLabel: t.button,
    linkIntro: t.linkIntro,
    unexpected: t.unexpected,
    url: input.url,
  });
  return { subject, html: await render(element), text: await render(element, { plainText: true }) };
}

describe("renderInvitationEmail's shared template", () => {
  const recipients = [
    {
      to: "ada@example.com",
      url: "https://teamgate.example/invite/tgi_abc",
      expiresAt: new Date("2026-12-01T10:00:00Z"),
    },
    {
      to: "o'neil&co@example.com",
      url: 'https://teamgate.example/invite/tgi_x?a=1&b="2"',
      expiresAt: new Date("2027-02-28T23:59:00Z"),
    },
    {
      to: "<grace>@example.com",
      url: "https://teamgate.example/invite/tgi_-_",
      expiresAt: new Date("2026-07-04T00:01:00Z"),
    },
  ];

  it.each(LANGUAGES)("gives each recipient exactly what rendering their email alone gives (%s)", async (language) => {
    for (const variant of ["invitation", "reminder", "current_link"] as const) {
      for (const teamName of ["Acme", 'R&D <Lab> "Q"']) {
        for (const recipient of recipients) {
          const input = { ...base, ...recipient, teamName, language, variant };
          expect(await renderInvitationEmail(input)).toEqual(await renderDirectly(input));
        }
      }
    }
  });

  it("keeps each team's, inviter's and role's template apart", async () => {
    const first = await renderInvitationEmail({ ...base, language: "en" });
    const other = await renderInvitationEmail({
      ...base,
      language: "en",
      teamName: "Globex",
      inviterName: "Grace",
      roleName: "Member",
    });
    expect(other.text).toContain("Grace has invited you to join Globex as a Member.");
    expect(first.text).toContain("Olivia Owner has invited you to join Acme as an Admin.");
    expect(first.html).not.toContain("tgslot");
    expect(first.text).not.toContain("tgslot");
  });
});
