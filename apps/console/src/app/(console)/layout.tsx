import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { Prefetched } from "@/lib/prefetched";

// The signed-in person comes with the HTML, so the shell and the page render on the server.
export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <Prefetched queries={(trpc) => [trpc.me.get.queryOptions()]}>
      <AppShell>{children}</AppShell>
    </Prefetched>
  );
}
