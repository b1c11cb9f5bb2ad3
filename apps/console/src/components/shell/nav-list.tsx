import type { ReactNode } from "react";

/** A titled list of navigation links; the title names the list for assistive tech. */
export function NavList({ heading, headingId, children }: { heading: string; headingId: string; children: ReactNode }) {
  return (
    <div>
      <h2 id={headingId} className="truncate px-2.5 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase" title={heading}>
        {heading}
      </h2>
      <ul aria-labelledby={headingId} className="space-y-0.5">
        {children}
      </ul>
    </div>
  );
}
