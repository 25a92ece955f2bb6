import { EmailFrame } from "./email-frame";
import { Button, Hr, Link, Section, Text } from "@react-email/components";

export type InvitationEmailProps = {
  lang: string;
  /** A first line above the invitation (a reminder, or the current link asked for). */
  lead?: string;
  preview: string;
  heading: string;
  intro: string;
  /** The inviter's personal note, defused like a name, and its lead-in. */
  message?: { intro: string; text: string };
  invitedAddress: string;
  expires: string;
  buttonLabel: string;
  linkIntro: string;
  unexpected: string;
  url: string;
};

const text = { fontSize: "15px", lineHeight: "24px", color: "#27272a", margin: "0 0 16px" };

/** Every string arrives already localized and, for user-supplied names, defused. */
export function InvitationEmail(props: InvitationEmailProps) {
  return (
    <EmailFrame lang={props.lang} preview={props.preview} heading={props.heading}>
      {props.lead ? <Text style={{ ...text, fontWeight: 600 }}>{props.lead}</Text> : null}
      <Text style={text}>{props.intro}</Text>
      {props.message ? (
        <Section style={{ borderLeft: "3px solid #d4d4d8", padding: "0 0 0 12px", margin: "0 0 16px" }}>
          <Text style={{ ...text, margin: "0 0 4px", color: "#52525b" }}>{props.message.intro}</Text>
          <Text style={{ ...text, margin: 0 }}>{props.message.text}</Text>
        </Section>
      ) : null}
      <Text style={text}>{props.invitedAddress}</Text>
      <Section style={{ margin: "24px 0" }}>
        <Button
          href={props.url}
          style={{
            backgroundColor: "#18181b",
            borderRadius: "6px",
            color: "#ffffff",
            fontSize: "15px",
            fontWeight: 600,
            padding: "12px 20px",
          }}
        >
          {props.buttonLabel}
        </Button>
      </Section>
      <Text style={{ ...text, fontSize: "13px", color: "#52525b" }}>{props.linkIntro}</Text>
      <Text style={{ ...text, fontSize: "13px", wordBreak: "break-all" }}>
        <Link href={props.url}>{props.url}</Link>
      </Text>
      <Text style={{ ...text, fontSize: "13px", color: "#52525b" }}>{props.expires}</Text>
      <Hr style={{ borderColor: "#e4e4e7", margin: "24px 0" }} />
      <Text style={{ ...text, fontSize: "12px", color: "#71717a", margin: 0 }}>{props.unexpected}</Text>
    </EmailFrame>
  );
}
