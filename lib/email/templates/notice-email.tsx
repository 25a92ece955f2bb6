import { EmailFrame } from "./email-frame";
import { Button, Hr, Link, Section, Text } from "@react-email/components";

export type NoticeEmailProps = {
  lang: string;
  preview: string;
  heading: string;
  paragraphs: string[];
  /** Words someone else wrote (a decline reason): shown as a quote, as text, never as markup. */
  quote?: { intro: string; text: string } | null;
  button: { label: string; url: string } | null;
  linkIntro?: string;
  footer: string;
};

const text = { fontSize: "15px", lineHeight: "24px", color: "#27272a", margin: "0 0 16px" };

/** The short emails that are not invitations (answers, password resets). Every string arrives already localized and defused. */
export function NoticeEmail(props: NoticeEmailProps) {
  return (
    <EmailFrame lang={props.lang} preview={props.preview} heading={props.heading}>
      {props.paragraphs.map((paragraph, index) => (
        <Text key={index} style={text}>
          {paragraph}
        </Text>
      ))}
      {props.quote ? (
        <Section style={{ borderLeft: "3px solid #d4d4d8", margin: "0 0 16px", paddingLeft: "12px" }}>
          <Text style={{ ...text, fontSize: "13px", color: "#52525b", margin: "0 0 4px" }}>{props.quote.intro}</Text>
          <Text style={{ ...text, margin: 0, whiteSpace: "pre-wrap" }}>{props.quote.text}</Text>
        </Section>
      ) : null}
      {props.button ? (
        <>
          <Section style={{ margin: "24px 0" }}>
            <Button
              href={props.button.url}
              style={{
                backgroundColor: "#18181b",
                borderRadius: "6px",
                color: "#ffffff",
                fontSize: "15px",
                fontWeight: 600,
                padding: "12px 20px",
              }}
            >
              {props.button.label}
            </Button>
          </Section>
          {props.linkIntro ? (
            <Text style={{ ...text, fontSize: "13px", color: "#52525b" }}>{props.linkIntro}</Text>
          ) : null}
          <Text style={{ ...text, fontSize: "13px", wordBreak: "break-all" }}>
            <Link href={props.button.url}>{props.button.url}</Link>
          </Text>
        </>
      ) : null}
      <Hr style={{ borderColor: "#e4e4e7", margin: "24px 0" }} />
      <Text style={{ ...text, fontSize: "12px", color: "#71717a", margin: 0 }}>{props.footer}</Text>
    </EmailFrame>
  );
}
