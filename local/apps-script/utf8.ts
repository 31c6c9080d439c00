export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
