/** A bilingual text (Chinese and English), for titles and labels in standards and ledgers. */
export interface LocalizedText {
  readonly 'zh-CN'?: string;
  readonly en?: string;
}
