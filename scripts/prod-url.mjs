// Rewrites the development server's URLs to the production location in a manifest (or any
// text). Used by webpack.config.js for production builds and by test/build/manifest.test.ts.
//
// Every occurrence is replaced (a manifest names the dev URL a dozen times): first the URL
// with its trailing slash, then the bare origin (an <AppDomain> entry) by the production origin.

/**
 * @param {string} text
 * @param {string} urlDev  e.g. "https://localhost:3000/"
 * @param {string} urlProd e.g. "https://www.contoso.com/"
 * @returns {string}
 */
export function toProductionUrls(text, urlDev, urlProd) {
  const withSlash = (url) => (url.endsWith("/") ? url : url + "/");
  const dev = withSlash(urlDev);
  const prod = withSlash(urlProd);
  return text.replaceAll(dev, prod).replaceAll(new URL(dev).origin, new URL(prod).origin);
}
