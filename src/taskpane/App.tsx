import * as React from "react";
import { Caption1, FluentProvider, Spinner, MessageBar, MessageBarBody, MessageBarTitle, Tab, TabList, Title3, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { RuleError } from "../core/errors";
import type { Partnership } from "../postlist/index";
import { SHEET } from "../workbook/index";
import { readStoredPartnership, saveStoredPartnership } from "../excel/partnershipStore";
import { existingSheets } from "../excel/writePlan";
import { type Notice, errorNotice } from "./common/ErrorBar";
import { ImportPanel } from "./import/ImportPanel";
import { PartnershipPanel } from "./partnership/PartnershipPanel";
import { type PartnershipForm, checkForm, defaultForm, formFromPartnership, partnershipKey } from "./partnership/partnershipForm";

type TabName = "partnership" | "import" | "templates" | "trueUp" | "report";

// Loaded when its tab is first opened, to keep the first load small.
const TrueUpPanel = React.lazy(() => import(/* webpackChunkName: "trueup" */ "./trueUp/TrueUpPanel"));
const ReportPanel = React.lazy(() => import(/* webpackChunkName: "report" */ "./report/ReportPanel"));
const TemplatesPanel = React.lazy(() => import(/* webpackChunkName: "templates" */ "./templates/TemplatesPanel"));

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`, boxSizing: "border-box", maxWidth: "100%" },
  header: { display: "flex", flexDirection: "column" },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  // Five tabs are wider than a 350px task pane: they wrap onto a second line rather than scroll.
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: "wrap" },
  panel: { paddingTop: tokens.spacingVerticalS },
});

/** Whether the Excel object model is there (inside Excel). Outside Office, office.js leaves it undefined. */
function excelAvailable(): boolean {
  return typeof Excel !== "undefined" && typeof Excel.run === "function";
}

function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = React.useState(open);
  React.useEffect(() => {
    if (open) setOpened(true);
  }, [open]);
  return opened || open;
}

export function App() {
  const s = useStyles();
  const canWrite = excelAvailable();
  const [tab, setTab] = React.useState<TabName>("partnership");
  const [form, setForm] = React.useState<PartnershipForm>(() => defaultForm());
  const [stored, setStored] = React.useState<Partnership | null>(null);
  const [storedExists, setStoredExists] = React.useState(false);
  const [loading, setLoading] = React.useState(canWrite);
  const [saving, setSaving] = React.useState(false);
  const [partnershipNotice, setPartnershipNotice] = React.useState<Notice | null>(null);
  const check = React.useMemo(() => checkForm(form), [form]);
  const storedKey = partnershipKey(stored);
  // Mounted on first opening (its code loads then), kept afterwards so its state survives a tab change.
  const trueUpOpened = useOpenedOnce(tab === "trueUp");
  const reportOpened = useOpenedOnce(tab === "report");
  const templatesOpened = useOpenedOnce(tab === "templates");

  // On open: the partnership the workbook holds, if any.
  React.useEffect(() => {
    if (!canWrite) return;
    let live = true;
    readStoredPartnership()
      .then((p) => {
        if (!live || !p) return;
        setForm(formFromPartnership(p));
        setStored(p);
        setStoredExists(true);
        setTab("import");
      })
      .catch((e) => {
        if (!live) return;
        setStoredExists(e instanceof RuleError);
        setPartnershipNotice(errorNotice("The partnership in this workbook cannot be read", e, e instanceof RuleError ? "" : "Try closing and reopening the add-in."));
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [canWrite]);

  async function save() {
    const p = check.partnership;
    if (!p) return;
    setSaving(true);
    setPartnershipNotice(null);
    try {
      const codesChanged = stored !== null && stored.authorities.map((a) => a.code).join("|") !== p.authorities.map((a) => a.code).join("|");
      await saveStoredPartnership(p);
      setStored(p);
      setStoredExists(true);
      const stale = codesChanged ? await existingSheets([SHEET.posts]) : [];
      setPartnershipNotice(
        stale.length > 0
          ? { intent: "warning", title: "Saved: now import the post list again", message: `The authorities changed, and ${SHEET.posts} still has the old authorities' columns. Import the post list again to rebuild it.` }
          : { intent: "success", title: "Saved", message: `The partnership is on the ${SHEET.partnership} sheet, with the named ranges the JW formulas use.` },
      );
    } catch (e) {
      setPartnershipNotice(errorNotice("The partnership was not saved", e, "The workbook was left as it was. Try again; if it keeps failing, close and reopen the add-in."));
    } finally {
      setSaving(false);
    }
  }

  return (
    <FluentProvider theme={webLightTheme} className={s.provider}>
      <main className={s.root}>
        <header className={s.header}>
          <Title3 as="h1" className={s.title}>
            Joint working
          </Title3>
          <Caption1 className={s.muted}>Shared posts, split costs and savings per council</Caption1>
        </header>
        {!canWrite && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Open this in Excel</MessageBarTitle>
              The pane reads and writes the open workbook, so it works only inside Excel (desktop or on the web).
            </MessageBarBody>
          </MessageBar>
        )}
        <TabList className={s.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabName)} size="small">
          <Tab value="partnership" id="tab-partnership" aria-controls="panel-partnership">
            Partnership
          </Tab>
          <Tab value="import" id="tab-import" aria-controls="panel-import">
            Import
          </Tab>
          <Tab value="templates" id="tab-templates" aria-controls="panel-templates">
            Templates
          </Tab>
          <Tab value="trueUp" id="tab-trueUp" aria-controls="panel-trueUp">
            Year-end true-up
          </Tab>
          <Tab value="report" id="tab-report" aria-controls="panel-report">
            Annual report
          </Tab>
        </TabList>
        <div id="panel-partnership" role="tabpanel" aria-labelledby="tab-partnership" hidden={tab !== "partnership"} className={s.panel}>
          <PartnershipPanel
            form={form}
            check={check}
            saved={check.partnership !== null && partnershipKey(check.partnership) === storedKey}
            storedExists={storedExists}
            loading={loading}
            saving={saving}
            canWrite={canWrite}
            notice={partnershipNotice}
            onChange={setForm}
            onSave={() => void save()}
          />
        </div>
        <div id="panel-import" role="tabpanel" aria-labelledby="tab-import" hidden={tab !== "import"} className={s.panel}>
          <ImportPanel
            partnership={check.partnership}
            storedKey={storedKey}
            canWrite={canWrite}
            onPartnershipWritten={(p) => {
              setStored(p);
              setStoredExists(true);
            }}
            onGoToPartnership={() => setTab("partnership")}
          />
        </div>
        {templatesOpened && (
          <div id="panel-templates" role="tabpanel" aria-labelledby="tab-templates" hidden={tab !== "templates"} className={s.panel}>
            <React.Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
              <TemplatesPanel partnership={stored} />
            </React.Suspense>
          </div>
        )}
        {trueUpOpened && (
          <div id="panel-trueUp" role="tabpanel" aria-labelledby="tab-trueUp" hidden={tab !== "trueUp"} className={s.panel}>
            <React.Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
              <TrueUpPanel partnership={stored} canWrite={canWrite} />
            </React.Suspense>
          </div>
        )}
        {reportOpened && (
          <div id="panel-report" role="tabpanel" aria-labelledby="tab-report" hidden={tab !== "report"} className={s.panel}>
            <React.Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
              <ReportPanel partnership={stored} canWrite={canWrite} />
            </React.Suspense>
          </div>
        )}
      </main>
    </FluentProvider>
  );
}
