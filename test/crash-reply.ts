/** The reply the crash test's server streams, word by word. */
export const replyText = (): string => Array.from({ length: 300 }, (_, i) => `w${i} `).join('');
