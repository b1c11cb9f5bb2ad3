// Dates are always shown in Brazil's official time (the regulator's and our customers' clock),
// whatever the browser's time zone, so an audit trail reads the same for everyone.
export const TIME_ZONE = "America/Sao_Paulo";

export const formats = {
  dateTime: {
    date: { dateStyle: "medium" },
    dateTime: { dateStyle: "medium", timeStyle: "short" },
    precise: {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZoneName: "short",
    },
  },
} as const;
