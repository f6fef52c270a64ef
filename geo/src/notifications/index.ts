// Notifications' shared rules: kinds, channels, wording, quiet hours, working days.

export * from "./escalation-steps.ts";
export * from "./kinds.ts";
export * from "./quiet-hours.ts";
export * from "./working-days.ts";
