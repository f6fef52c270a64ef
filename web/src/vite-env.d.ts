// Vite's client types (import.meta.env, `?url` imports) for the web app.
/// <reference types="vite/client" />
