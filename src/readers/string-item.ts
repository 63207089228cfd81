// The text of a string item: a shared string (<si> in sharedStrings.xml) or a cell's inline string
// (<is>), made of plain or rich-text runs.

import type { XmlScanner } from './xml.js';

/** Characters Excel cannot store in XML are written _xHHHH_. */
export const unescapeText = (text: string) => (text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);

/**
 * Collects the text of <t> elements (plain or rich-text runs) inside a string item, leaving out
 * phonetic guides (<rPh>), which hold the reading of the text rather than the text.
 */
export class StringText {
  text = '';
  private run: string | null = null;
  private phonetic = 0;

  open(scan: XmlScanner): void {
    if (scan.is('rPh')) this.phonetic++;
    else if (scan.is('t') && this.phonetic === 0) this.run = '';
  }

  add(scan: XmlScanner): void {
    if (this.run !== null) this.run += scan.text;
  }

  close(scan: XmlScanner): void {
    if (scan.is('rPh')) this.phonetic--;
    else if (scan.is('t') && this.run !== null) {
      this.text += unescapeText(this.run);
      this.run = null;
    }
  }
}
