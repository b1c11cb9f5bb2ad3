"use client";
import { useTranslations } from "next-intl";
import { useLayoutEffect, useRef } from "react";
import { Spinner } from "../ui/spinner";
import type { LogLine } from "./use-run-log";

type Props = { lines: LogLine[]; complete: boolean; failing: boolean };

function tone(line: string): string {
  if (line.startsWith("[control-plane]")) return "text-sky-300";
  if (/\berror\b/i.test(line)) return "text-red-300";
  return "text-slate-100";
}

/**
 * The engine's output in a terminal-like panel that follows new lines while the reader is at the
 * bottom, and stays put when they scroll up to read. Kept after the run: it is the run's record.
 */
export function RunLog({ lines, complete, failing }: Props) {
  const t = useTranslations("Provisioning.log");
  const panel = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  // Runs whenever lines are appended (the count is the dependency).
  useLayoutEffect(() => {
    const element = panel.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [lines.length]);

  return (
    <section aria-labelledby="run-log-heading" className="overflow-hidden rounded-lg border border-slate-800 bg-slate-950 shadow-sm">
      <header className="flex items-center justify-between gap-3 border-b border-slate-800 px-4 py-2">
        <h2 id="run-log-heading" className="text-sm font-semibold text-slate-100">
          {t("title")}
        </h2>
        <span className="flex items-center gap-2 text-xs text-slate-400" aria-live="polite">
          {complete ? null : <Spinner className="size-3.5 text-sky-400" />}
          {failing ? t("loadFailed") : complete ? t("lines", { count: lines.length }) : t("following")}
        </span>
      </header>
      <div
        ref={panel}
        role="log"
        aria-label={t("label")}
        // Focusable so the log scrolls with the keyboard.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        tabIndex={0}
        onScroll={(event) => {
          const element = event.currentTarget;
          following.current = element.scrollHeight - element.scrollTop - element.clientHeight < 32;
        }}
        className="max-h-[32rem] min-h-48 overflow-auto px-2 py-3 font-mono text-xs leading-5 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:ring-inset"
        data-testid="run-log"
      >
        {lines.length === 0 ? (
          <p className="px-2 text-slate-400">{complete ? t("empty") : t("waiting")}</p>
        ) : (
          <ol>
            {lines.map((line, index) => (
              <li key={line.id} className="flex gap-3 px-2 hover:bg-white/5">
                <span aria-hidden="true" className="w-8 shrink-0 text-right text-slate-600 select-none tabular-nums">
                  {index + 1}
                </span>
                <span className={`min-w-0 break-words whitespace-pre-wrap ${tone(line.line)}`}>{line.line}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
