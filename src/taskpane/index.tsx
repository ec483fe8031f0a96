// The task pane: partnership setup, post-list import and (soon) budget-holder templates.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";

Office.onReady(() => {
  const container = document.getElementById("container");
  if (container) createRoot(container).render(<App />);
});
