/**
 * exceljs, loaded on demand (the task pane only pays for it when a template is downloaded or a
 * return is read), typed as loosely as the templates code uses it.
 */
export interface ExcelJsModule {
  Workbook: new () => unknown;
}

export async function loadExcelJs(): Promise<ExcelJsModule> {
  const mod = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as unknown as { default?: ExcelJsModule } & Partial<ExcelJsModule>;
  return (mod.default ?? mod) as ExcelJsModule;
}
