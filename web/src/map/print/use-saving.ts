// Making and saving a printed file (a PDF takes a font download and a second or two): whether
// one is under way, and why the last one failed.
import { useCallback, useState } from "react";

export function useSaving() {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const run = useCallback(async (make: () => Promise<void>) => {
    setBusy(true);
    setFailed(null);
    try {
      await make();
    } catch (error) {
      setFailed((error as Error).message);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, failed, run };
}
