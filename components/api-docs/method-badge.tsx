import { Badge, type BadgeVariant } from "@/components/ui/badge";

const VARIANTS: Record<string, BadgeVariant> = { get: "secondary", post: "default", delete: "destructive" };

export function MethodBadge({ method }: { method: string }) {
  return (
    <Badge variant={VARIANTS[method] ?? "outline"} className="w-14 justify-center font-mono uppercase">
      {method}
    </Badge>
  );
}
