// Rule messages from their templates (RuleMeta.messages): `{name}` takes the finding's data of that
// name; `[…]` is shown only when every placeholder in it has a value other than '', and `[…|…]`
// shows what follows the bar otherwise. A finding that leaves a placeholder without a value, or
// names a message its rule does not have, is a bug in the rule: rendering it throws.

import type { Bilingual, DataValue, Lang } from '../rules/types.js';

const LIST_SEPARATOR: Record<Lang, string> = { zh: '、', en: ', ' };

const PLACEHOLDER = /\{(\w+)\}/g;
/** An optional part, and what stands for it otherwise. */
const OPTIONAL = /\[([^[\]|]*)(?:\|([^[\]]*))?\]/g;

function shown(value: DataValue, lang: Lang): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR[lang]);
  return (value as Bilingual)[lang];
}

export class MessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MessageError';
  }
}

/** The placeholders a template names, inside optional parts or not. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** The template without its optional parts (what every finding's message shows). */
export function alwaysShown(template: string): string {
  return template.replace(OPTIONAL, '');
}

export function render(template: string, data: Readonly<Record<string, DataValue>>, lang: Lang): string {
  const value = (name: string) => {
    const v = data[name];
    if (v === undefined) throw new MessageError(`no value for {${name}} in “${template}”`);
    return shown(v, lang);
  };
  const chosen = template.includes('[') ? template.replace(OPTIONAL, (_, part: string, otherwise = '') => (placeholders(part).every((name) => value(name) !== '') ? part : otherwise)) : template;
  return chosen.replace(PLACEHOLDER, (_, name: string) => value(name));
}

/** A finding's message in both languages, from its rule's templates. */
export function messagesOf(rule: string, templates: Readonly<Record<string, Bilingual>>, messageId: string, data: Readonly<Record<string, DataValue>>): Bilingual {
  const template = Object.hasOwn(templates, messageId) ? templates[messageId] : undefined;
  if (!template) throw new MessageError(`rule ${rule} has no message ${messageId}`);
  return { zh: render(template.zh, data, 'zh'), en: render(template.en, data, 'en') };
}
