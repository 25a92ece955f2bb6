import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  renderAnswerNotificationEmail,
  renderAnswerNotificationEmailUncached,
  type AnswerNotificationInput,
} from "./render-answer-notification-email";

// Counts the templates actually rendered; everything else passes through.
const templateRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock("./email-template-cache", async (importOriginal) => {
  const original = await importOriginal<typeof import("./email-template-cache")>();
  return {
    ...original,
    renderFromTemplate: (options: Parameters<typeof original.renderFromTemplate>[0]) =>
      original.renderFromTemplate({
        ...options,
        render: (slots) => {
          templateRenders.count++;
          return options.render(slots);
        },
      }),
  };
});

const base: AnswerNotificationInput = {
  language: "en",
  answer: "accepted",
  inviteeEmail: "ada@example.com",
  teamName: "Acme",
  teamSlug: "acme",
  roleName: "Admin",
  inviterName: "Olivia Owner",
  declineReason: null,
};

const hostile = `R&D <b>"bold"</b> it's $& $' $\` $1 see https://evil.example/x?a=1&b=2 or mail me@evil.example.`;
const longReason = `${'Thanks, but our team: R&D <Lab> "Q" isn\'t hiring. '.repeat(12)}  Bye…\u200b.\u200b`;

describe("renderAnswerNotificationEmail", () => {
  it("tells who answered, which team and the reason, escaped in the HTML", async () => {
    const email = await renderAnswerNotificationEmail({
      ...base,
      answer: "declined",
      inviteeEmail: "o'neil&co@example.com",
      declineReason: 'Busy <now> & "later"',
    });
    expect(email.subject).toBe("o'neil&co@example.com declined the invitation to Acme");
    expect(email.html).toContain("o&#x27;neil&amp;co@example.com declined the invitation to join Acme.");
    expect(email.html).toContain("Busy &lt;now&gt; &amp; &quot;later&quot;");
    expect(email.text).toContain("o'neil&co@example.com declined the invitation to join Acme.");
    expect(email.text).toContain('Busy <now> & "later"');
    for (const part of [email.subject, email.html, email.text]) expect(part).not.toContain("tgslot");
  });

  const invitees = [
    "ada@example.com",
    "o'neil&co+$&$'$`@example.com",
    `${"a".repeat(64)}@${"long-label.".repeat(17)}example.com`,
    '<grace>"@example.com',
  ];
  const cases = (["accepted", "declined"] as const).flatMap((answer) =>
    (["en", "fr"] as const).flatMap((language) =>
      [null, "", "Busy.", hostile, longReason].flatMap((declineReason) =>
        ["Acme", 'R&D <Lab> "Q" it\'s'].flatMap((teamName) =>
          ["Olivia Owner", null].map((inviterName) => ({ answer, language, declineReason, teamName, inviterName })),
        ),
      ),
    ),
  );

  it.each(cases)("gives each invitee what rendering their email alone gives (%o)", async (variant) => {
    for (const inviteeEmail of invitees) {
      const input = { ...base, ...variant, inviteeEmail, roleName: `Ops & <Dev> "${variant.teamName}"` };
      expect(await renderAnswerNotificationEmail(input)).toEqual(await renderAnswerNotificationEmailUncached(input));
    }
  });

  it.each([
    { inviteeEmail: "ada\u200b@example.com", declineReason: "Busy" },
    { inviteeEmail: "ada@example.com", declineReason: "\u200b \u200b" },
  ])("renders alone what the template could not reproduce (%o)", async (values) => {
    const input = { ...base, answer: "declined" as const, ...values };
    expect(await renderAnswerNotificationEmail(input)).toEqual(await renderAnswerNotificationEmailUncached(input));
  });
});

describe("renderAnswerNotificationEmail's shared template", () => {
  beforeEach(() => {
    templateRenders.count = 0;
  });

  it("renders a team's notification once for every invitee and reason", async () => {
    const team = { ...base, answer: "declined" as const, teamName: "Template Share Co", teamSlug: "share" };
    const first = await renderAnswerNotificationEmail({
      ...team,
      inviteeEmail: "ada@example.com",
      declineReason: "No",
    });
    const second = await renderAnswerNotificationEmail({
      ...team,
      inviteeEmail: "grace@example.com",
      declineReason: "Too busy",
    });
    expect(templateRenders.count).toBe(1);
    expect(first.text).toContain("ada@example.com declined");
    expect(second.text).toContain("grace@example.com declined");
    expect(second.text).toContain("Too busy");
    expect(second.text).not.toContain("ada@example.com");

    await renderAnswerNotificationEmail({ ...team, inviteeEmail: "alan@example.com", declineReason: null });
    await renderAnswerNotificationEmail({ ...team, inviteeEmail: "alan@example.com", language: "fr" });
    await renderAnswerNotificationEmail({ ...team, teamName: "Other Co" });
    expect(templateRenders.count).toBe(4);
  });
});
