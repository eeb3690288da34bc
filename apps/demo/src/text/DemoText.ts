import type { DemoScenarioId } from '../demoScenarios';

export const demoLocales = ['en', 'es'] as const;
export type DemoLocale = (typeof demoLocales)[number];

/** Each language names itself. */
export const languageNames: Readonly<Record<DemoLocale, string>> = { en: 'English', es: 'Español' };

export interface Notice {
  title: string;
  body: string;
}

/** The demo's own words; the component brings its own through `locale`. */
export interface DemoText {
  languageLabel: string;
  login: {
    documentTitle: string;
    heading: string;
    intro: string;
    sandboxNote: Notice;
    liveNote: (apiHost: string) => Notice;
    noSession: Notice;
    settingsHeading: string;
    scenarioLabel: string;
    scenarios: Record<DemoScenarioId, { label: string; hint: string }>;
    cameraLegend: string;
    cameraWebcam: string;
    cameraSample: string;
    newSession: string;
    sessionLoading: string;
    sessionFailed: (reason: string) => string;
  };
  callback: {
    documentTitle: string;
    heading: string;
    intro: string;
    notVerified: Notice;
    claimsHeading: string;
    claimNames: Readonly<Record<string, string>>;
    expired: string;
    /** Follows a claim cut short; `length` is its full length in characters. */
    truncated: (length: number) => string;
    /** Under the list when only the first claims are shown. */
    moreClaims: (count: number) => string;
    tokenHeading: string;
    noToken: Notice;
    malformed: Notice;
    /** When the page itself failed to show what it received. */
    failed: Notice;
    loginAgain: string;
  };
}
