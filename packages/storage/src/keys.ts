/** Where each kind of object lives. One place, so the API and the workers agree. */
export const storageKeys = {
  original: (orgId: string, imageId: string) => `originals/${orgId}/${imageId}`,
  upload: (orgId: string, setId: string, uploadId: string) =>
    `uploads/${orgId}/${setId}/${uploadId}`,
  thumbnail: (orgId: string, imageId: string) => `renditions/${orgId}/${imageId}/thumb.webp`,
  display: (orgId: string, imageId: string) => `renditions/${orgId}/${imageId}/display.webp`,
  /** The S×S RGB bytes a model of input size S sees (Pillow-exact resize), saved at ingest. */
  modelInput: (orgId: string, imageId: string, size: number) =>
    `renditions/${orgId}/${imageId}/model-${size}.rgb`,
};
