/** The codes of the languages in locales/, set by the build (vite.config.mts `define`). */
declare const __LANGUAGES__: string[];
