import type { ReactNode } from "react";
import { BrandMark } from "../shell/brand-mark";
import { LanguageSwitch } from "../shell/language-switch";

/** The centred card of the pages people see before (or while) getting into the console. */
export function AuthLayout({
  title,
  description,
  signedIn = false,
  children,
}: {
  title: string;
  description?: ReactNode;
  signedIn?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col bg-gradient-to-b from-brand-50 to-slate-50">
      <header className="flex items-center justify-between px-6 py-4">
        <BrandMark />
        <LanguageSwitch signedIn={signedIn} />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-[8vh] pb-16">
        <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-7 shadow-sm">
          <h1 className="text-lg font-semibold text-slate-900">{title}</h1>
          {description ? <div className="mt-1 text-sm text-slate-600">{description}</div> : null}
          <div className="mt-5">{children}</div>
        </div>
      </main>
    </div>
  );
}
