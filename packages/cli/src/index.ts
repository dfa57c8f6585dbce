export { type Comparison, compareImages } from './compare-images.ts';
export { formatScan, type OutputFormat, summarizeScan } from './format.ts';
export { main } from './main.ts';
export { type ScanPair, type ScanResult, scanFolder } from './scan-folder.ts';
