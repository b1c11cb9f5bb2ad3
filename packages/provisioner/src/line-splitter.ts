// The CLI's output arrives in arbitrary chunks (half a line, three lines and a bit); the
// operation log stores whole lines, as the engine printed them.
export type LineSplitter = { push: (chunk: string) => void; flush: () => void };

export function createLineSplitter(onLine: (line: string) => void): LineSplitter {
  let pending = "";
  return {
    push(chunk) {
      const parts = (pending + chunk).split(/\r?\n/);
      pending = parts.pop() ?? "";
      for (const line of parts) onLine(line);
    },
    flush() {
      if (pending !== "") onLine(pending);
      pending = "";
    },
  };
}
