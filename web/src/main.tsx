// Starts the web app: i18n, the query cache, and the shell.
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ApiError } from "./api/client.ts";
import { onApiError } from "./api/use-session.ts";
import { App } from "./app.tsx";
import { AfterFirstView } from "./components/after-first-view.tsx";
import { startEarlyReads } from "./early-reads.ts";
import { ServiceWorkerRegistration } from "./service-worker-registration.tsx";
import "./i18n.ts";
import "./styles/shell.css";
import "./styles/header-nav.css";
import "./styles/map-overlay.css";
import "./styles/detail-panel.css";
import "./styles/lists.css";
import "./styles/forms.css";
import "./styles/login.css";
import "./styles/tables.css";
import "./styles/editor.css";
import "./styles/rectification.css";
import "./styles/unplaced-requests.css";
import "./styles/inspect.css";
import "./styles/citizen.css";
import "./styles/leader.css";
import "./styles/volunteer.css";
import "./styles/tasks.css";

/** Errors the API meant (signed out, not allowed, invalid) are answers: asking again won't help. */
const retry = (failures: number, error: Error) =>
  failures < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500);

// Any call can find the session ended: one handler for all of them sends the user to sign in.
const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error) => onApiError(queryClient, error) }),
  mutationCache: new MutationCache({ onError: (error) => onApiError(queryClient, error) }),
  // offlineFirst: a query is tried offline too, so the service worker can answer it from the
  // patrol area it kept (sw.ts); "online" would leave the page waiting for a network
  defaultOptions: { queries: { retry, refetchOnWindowFocus: false, networkMode: "offlineFirst" } },
});

// the session (and a volunteer's area) on the wire while React starts
startEarlyReads(queryClient, window.location.pathname);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// React reports each error a boundary caught (page-error-boundary.tsx): the user is shown it and
// can retry, so a warning (a chunk not downloaded while offline is the usual one on a phone).
createRoot(root, { onCaughtError: (error) => console.warn(error) }).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
      <AfterFirstView>
        <ServiceWorkerRegistration />
      </AfterFirstView>
    </QueryClientProvider>
  </StrictMode>,
);
