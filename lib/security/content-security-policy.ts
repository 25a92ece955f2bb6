/**
 * The page's Content-Security-Policy. Scripts run only with this response's nonce (Next.js puts
 * it on its own scripts) or when loaded by one of those ('strict-dynamic'); nothing is loaded from
 * another origin. Styles allow inline ones: Radix, Sonner and Swagger UI (the API reference) set
 * style attributes and insert <style> elements at runtime, which a nonce cannot cover, and CSS
 * cannot run script.
 * Development adds 'unsafe-eval', which React's dev tooling needs; production never has it.
 */
export function buildContentSecurityPolicy({
  nonce,
  development,
  https,
}: {
  nonce: string;
  development: boolean;
  https: boolean;
}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
