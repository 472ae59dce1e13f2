export * from './buildSummary';
export * from './summaryExport';
export * from './formatFigures';
export * from './formatTextSummary';
export * from './svgLineChart';
export * from './renderHtmlReport';
export * from './compareBaseline';
