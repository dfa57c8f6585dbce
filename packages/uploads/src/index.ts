export {
  addUpload,
  isZipName,
  recordUploads,
  type StoredUpload,
  storeUpload,
  type UploadDeps,
  type UploadFile,
  type UploadInput,
  type UploadOutcome,
  type UploadTarget,
} from './add-upload.ts';
export { recountSetImages, type SetCounts } from './set-counters.ts';
