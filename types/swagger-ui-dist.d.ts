/** The part of Swagger UI's prebuilt bundle (`swagger-ui-dist`, which ships no types) the API reference uses. */
declare module "swagger-ui-dist/swagger-ui-es-bundle.js" {
  type SwaggerUIOptions = {
    domNode: HTMLElement;
    spec: object;
    deepLinking?: boolean;
    docExpansion?: "list" | "full" | "none";
    defaultModelsExpandDepth?: number;
    defaultModelExpandDepth?: number;
    displayRequestDuration?: boolean;
    tryItOutEnabled?: boolean;
    persistAuthorization?: boolean;
    validatorUrl?: string | null;
    syntaxHighlight?: { activated?: boolean; theme?: string } | false;
  };
  type SwaggerUISystem = {
    layoutActions: { parseDeepLinkHash(hash: string): void };
  };
  const SwaggerUI: (options: SwaggerUIOptions) => SwaggerUISystem;
  export default SwaggerUI;
}
