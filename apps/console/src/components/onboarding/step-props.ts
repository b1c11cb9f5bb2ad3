import type { InstitutionDetail } from "@/lib/router-types";

export type StepProps = {
  institution: InstitutionDetail;
  /** Null on the first step. */
  onBack: (() => void) | null;
  /** The step was saved: go to the next page. */
  onSaved: () => void;
};
