/** Where each kind of object lives. One place, so the API and the workers agree. */
export const storageKeys = {
  original: (orgId: string, imageId: string) => `originals/${orgId}/${imageId}`,
  upload: (orgId: string, setId: string, uploadId: string) =>
    `uploads/${orgId}/${setId}/${uploadId}`,
  thumbnail: (orgId: string, imageId: string) => `renditions/${orgId}/${imageId}/thumb.webp`,
  display: (orgId: string, imageId: string) => `renditions/${orgId}/${imageId}/display.webp`,
};
