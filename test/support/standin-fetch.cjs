'use strict';
// Preloaded (node --require) into a child that signs in: global fetch to Microsoft's sign-in hosts goes to
// the local stand-in at XBOX_STANDIN_URL instead, as http://<stand-in>/<host><path>. Everything else of the
// sign-in code (prismarine-auth's flow, the harness's cache) runs as it does for real. Any other host is
// refused, so a test can never reach the network.
const standIn = process.env.XBOX_STANDIN_URL;
const realFetch = globalThis.fetch;
const SIGN_IN_HOSTS = /^(login\.live\.com|[a-z]+\.auth\.xboxlive\.com)$/;
globalThis.fetch = (input, init) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  if (!SIGN_IN_HOSTS.test(url.hostname)) return Promise.reject(new Error(`standin-fetch: ${url.hostname} is not a sign-in host`));
  return realFetch(`${standIn}/${url.hostname}${url.pathname}${url.search}`, init);
};
