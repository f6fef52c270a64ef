// The live stream (server-sent events): a new notification refreshes the bell and the lists; a
// changed problem refreshes every view of problems (the board, a unit's inbox, the leader's map).
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";

/** Opens the stream while signed in; answers the unread count it last heard. */
export function useLiveStream(): number | null {
  const client = useQueryClient();
  const [unread, setUnread] = useState<number | null>(null);
  useEffect(() => {
    // EventSource reconnects by itself after a dropped connection or a server restart.
    const source = new EventSource("/api/notifications/stream");
    source.addEventListener("notification", (event) => {
      const { unread: count } = JSON.parse((event as MessageEvent<string>).data) as {
        unread: number;
      };
      setUnread(count);
      void client.invalidateQueries({ queryKey: ["notifications", "list"] });
    });
    source.addEventListener("problem", () => {
      for (const key of ["problems", "analytics", "rankings", "escalations"]) {
        void client.invalidateQueries({ queryKey: [key] });
      }
    });
    return () => source.close();
  }, [client]);
  return unread;
}
