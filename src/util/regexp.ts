/** A string matched literally inside a regular expression built from data ("U.S.", "Lloyd's"). */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
