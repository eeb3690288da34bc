/** Where test/analyzerDoubles.ts serves its broken analyzers on the browser tests' server (a module of its own: the plugin needs node). */
export const analyzerDoublesPath = '/analyzer-doubles/';
