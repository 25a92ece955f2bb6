import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Imports flow one way: app/ → components/ → actions/ → lib/ (docs/ARCHITECTURE.md, "Layers and folders").
const noDatabase = {
  group: ["@/lib/db", "@/lib/db/*", "@/lib/generated/*"],
  message: "Only the data layer in lib/ touches the database: call a lib/ function that authorizes and returns DTOs.",
};
const noRoutes = {
  group: ["@/app", "@/app/*"],
  message: "app/ holds routes only; put shared code in components/, actions/ or lib/.",
};
const noUi = {
  group: ["@/components", "@/components/*"],
  message: "UI depends on this layer, never the other way round.",
};
const noActions = {
  group: ["@/actions", "@/actions/*"],
  message: "Server actions are transports over lib/; lib/ never imports them.",
};

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "bench/.tmp/**",
    ],
  },
  {
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration from lib/env.ts." },
      ],
    },
  },
  {
    files: [
      "lib/env.ts",
      "scripts/**",
      "tests/**",
      "e2e/**",
      "bench/**",
      "playwright.config.ts",
      "vitest.config.ts",
      "prisma.config.ts",
      "instrumentation.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["app/**", "components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noDatabase] }] },
  },
  {
    files: ["components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noDatabase, noRoutes] }] },
  },
  {
    files: ["actions/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noDatabase, noRoutes, noUi] }] },
  },
  {
    files: ["lib/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noRoutes, noUi, noActions] }] },
  },
];

export default config;
