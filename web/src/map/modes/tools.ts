// Terra Draw's names for the editor's tools, apart from Terra Draw itself (drawing.ts), so the
// editor can name them without loading the drawing library before a tool is used.

/** Terra Draw's names for its tools; "static" (no tool) is built in. */
export const tools = {
  polygon: "polygon",
  line: "linestring",
  select: "select",
  none: "static",
} as const;
