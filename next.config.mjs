import bodyLimits from "./lib/api/body-limits.json" with { type: "json" };

/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

// Development logging (production logs neither): no secret may reach the terminal. Server
// function logs print their arguments (passwords, invitation tokens), and request lines print
// the URL, which for an invitation or a password reset link holds its token.
const logging = {
  serverFunctions: false,
  incomingRequests: { ignore: [/^\/invite\//, /^\/join\//, /^\/reset-password\//, /tgi_|tgl_|tgv_|tgr_|tg_live_/] },
};

const nextConfig = {
  logging,
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    authInterrupts: true,
    // Body caps (lib/api/body-limits.json): the server refuses larger bodies before Next reads them
    // (scripts/limit-request-body.mjs); these make Next agree when it runs without that server. The
    // proxy copies a body it sees into memory up to its own limit, so that limit is no larger.
    serverActions: { bodySizeLimit: bodyLimits.otherBytes },
    proxyClientMaxBodySize: bodyLimits.otherBytes,
  },
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Invitation links carry a secret in the path: never leak it through Referer.
      { source: "/invite/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      { source: "/join/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      { source: "/reset-password/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default nextConfig;
