import type { DemoLocale, DemoText } from './DemoText';
import { en } from './en';
import { es } from './es';

export { demoLocales, languageNames } from './DemoText';
export type { DemoLocale, DemoText, Notice } from './DemoText';

export const demoTexts: Readonly<Record<DemoLocale, DemoText>> = { en, es };
