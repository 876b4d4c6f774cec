import { LIMITS } from '../../shared/domain';
import { ApiError, appError } from '../../shared/errors';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** An image already kept: how big, and when it was added. */
export interface StoredImage {
  size: number;
  addedAt: number;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;
const size = (bytes: number) => (bytes < MB ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / MB).toFixed(1)} MB`);

function refuse(message: string, retryAfter?: number): never {
  throw new ApiError(appError('attachment_limit', message, retryAfter === undefined ? {} : { retryAfter }));
}

/**
 * Whether images of these sizes may be added now: a count and a total per message, and a total over any
 * 24 hours, so a window (or a script in it) cannot fill the disk with images however often it sends.
 */
export function checkBudget(sizes: number[], stored: StoredImage[], now: number): void {
  if (sizes.length === 0) return;
  if (sizes.length > LIMITS.imagesPerMessage) refuse(`A message can carry up to ${LIMITS.imagesPerMessage} images.`);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total > LIMITS.imageBytesPerMessage) {
    refuse(`These images add up to ${mb(total)}; one message can carry up to ${mb(LIMITS.imageBytesPerMessage)}.`);
  }
  const recent = stored.filter((s) => s.addedAt > now - DAY_MS).sort((a, b) => a.addedAt - b.addedAt);
  const today = recent.reduce((a, s) => a + s.size, 0);
  if (today + total <= LIMITS.imageBytesPerDay) return;
  // The wait: until enough of the oldest images counted have left the 24-hour window.
  let used = today;
  let freeAt = now;
  for (const s of recent) {
    if (used + total <= LIMITS.imageBytesPerDay) break;
    used -= s.size;
    freeAt = s.addedAt + DAY_MS;
  }
  const hours = Math.max(1, Math.ceil((freeAt - now) / 3_600_000));
  refuse(
    `Images added in the last 24 hours come to ${size(today)}; ${size(total)} more would pass the limit of ` +
      `${mb(LIMITS.imageBytesPerDay)} a day. Try again in about ${hours} ${hours === 1 ? 'hour' : 'hours'}.`,
    Math.ceil((freeAt - now) / 1000),
  );
}
