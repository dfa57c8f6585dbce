export {
  addUpload,
  isZipName,
  type UploadDeps,
  type UploadInput,
  type UploadOutcome,
} from './add-upload.ts';
