// The closed loop's rules as the API reads them: the one table in geo/ (shared with the web) —
// which step moves a problem from which states to which, who may take it, what it must carry.
import { type StepAction, stepActions } from "@civgrid/geo";

export {
  daysToRectify,
  type Need,
  returnReasons,
  sendBackReasons,
  stepRules as rules,
} from "@civgrid/geo";

/** Every step but the first report, which creating a problem takes (a tuple, for zod's enum). */
export const actions = stepActions as [StepAction, ...StepAction[]];
export type Action = StepAction;
