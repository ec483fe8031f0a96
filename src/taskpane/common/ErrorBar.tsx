import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, type MessageBarIntent } from "@fluentui/react-components";

export interface Notice {
  intent?: MessageBarIntent;
  title: string;
  /** What happened and what to do; several lines show as separate paragraphs. */
  message: string;
}

/** A Fluent MessageBar with a title and each line of the message as text. */
export function NoticeBar({ notice }: { notice: Notice }) {
  const intent = notice.intent ?? "error";
  const lines = notice.message.split("\n").filter((l) => l.trim() !== "");
  return (
    <MessageBar intent={intent} layout="multiline" politeness={intent === "error" ? "assertive" : "polite"}>
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {lines.map((line, i) => (
          <div key={i}>{line}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

/** A notice for an error thrown by Office or the rules. */
export function errorNotice(title: string, error: unknown, advice = ""): Notice {
  const text = error instanceof Error ? error.message : String(error);
  return { intent: "error", title, message: advice ? `${text}\n${advice}` : text };
}
