/** The codes of the languages in locales/, set by the build (vite.config.mts `define`). */
declare const __LANGUAGES__: string[];

/** The version of the catalogs the build was made with (vite.config.mts), carried by every catalog URL. */
declare const __CATALOG_VERSION__: string;
