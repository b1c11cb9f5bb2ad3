"use client";
import ReactMarkdown from "react-markdown";

/** Release notes are Markdown written by Opus admins; raw HTML in them is dropped, never rendered. */
export function ReleaseNotes({ markdown }: { markdown: string }) {
  return (
    <div className="prose prose-sm max-w-none text-slate-700 [&_h1]:text-base [&_h1]:font-semibold [&_h2]:font-semibold [&_li]:ml-4 [&_ul]:list-disc">
      <ReactMarkdown skipHtml>{markdown}</ReactMarkdown>
    </div>
  );
}
