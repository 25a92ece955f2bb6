import type { ReactNode } from "react";
import { Body, Container, Head, Heading, Html, Preview } from "@react-email/components";

/** The page every Teamgate email sits on: the grey background, the white card and its heading. */
export function EmailFrame({
  lang,
  preview,
  heading,
  children,
}: {
  lang: string;
  preview: string;
  heading: string;
  children: ReactNode;
}) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{
          backgroundColor: "#f4f4f5",
          fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
        }}
      >
        <Container
          style={{
            backgroundColor: "#ffffff",
            borderRadius: "8px",
            margin: "32px auto",
            maxWidth: "520px",
            padding: "32px",
          }}
        >
          <Heading as="h1" style={{ fontSize: "22px", margin: "0 0 20px", color: "#09090b" }}>
            {heading}
          </Heading>
          {children}
        </Container>
      </Body>
    </Html>
  );
}
