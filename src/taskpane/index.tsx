// Placeholder task pane: replaced by the real one.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Text, Title1, webLightTheme } from "@fluentui/react-components";

function App() {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 16 }}>
      <Title1 as="h1">Joint working</Title1>
      <p>
        <Text>
          Split the costs of posts shared between councils, see each council&apos;s saving and
          recharge, with the JW functions in any cell (for example =JW.SPLITCOST(B2, C2:D2)).
        </Text>
      </p>
    </FluentProvider>
  );
}

Office.onReady(() => {
  const container = document.getElementById("container");
  if (container) createRoot(container).render(<App />);
});
