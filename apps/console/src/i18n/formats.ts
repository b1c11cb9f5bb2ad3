// Dates are always shown in Brazil's official time (the regulator's and our customers' clock),
// whatever the browser's time zone, so an audit trail reads the same for everyone.
export const TIME_ZONE = "America/Sao_Paulo";

// One way to write a date in each language, everywhere (a unit test refuses ad-hoc options): the
// date alone, with the time to the minute, or to the second where seconds matter (runs, audit).
export const formats = {
  dateTime: {
    date: { dateStyle: "medium" },
    dateTime: { dateStyle: "medium", timeStyle: "short" },
    seconds: { dateStyle: "medium", timeStyle: "medium" },
    time: { timeStyle: "medium" },
  },
} as const;
