'use strict';
/**
 * The network tripwire (plain JavaScript, so any Node process can --require it, tsx or not).
 *
 * Replay must never reach the network, from anywhere in the process: module load, hooks, a fetch saved
 * before Polly started, undici, raw sockets, DNS, UDP, child processes and workers. Polly answers
 * intercepted requests before any socket exists, so at the socket level every outbound connection is
 * an escape. This file refuses them:
 *   - net.Socket#connect (covers net.connect, tls.connect, http, https, http2, undici and global fetch)
 *   - dgram sockets (send, connect); DNS: lookup, lookupService and every resolve* and reverse, on the
 *     module and on every Resolver (dns.setServers re-binds the module's methods from the Resolver's)
 *   - a custom `lookup` given to a connection: the address it answers is checked, not only the name
 *   - process.binding of the raw socket and resolver bindings (tcp_wrap, udp_wrap, cares_wrap)
 *   - child processes inherit it through NODE_OPTIONS; worker threads through their execArgv
 * Loopback stays open (the embedded emulator, the harness's own tests): it is not the network. In
 * modes that talk to a target (MPSD_MODE other than replay), MPSD_TARGET's host is open too.
 * Each refusal throws where the call was made and is counted; the process exits non-zero at the end.
 */
const net = require('node:net');
const dgram = require('node:dgram');
const dns = require('node:dns');
const { isIP } = net;

const SELF = __filename;
const state = { blocked: [] };

const mode = process.env.MPSD_MODE || 'replay';
const allowedHosts = new Set(['localhost']);
if (mode !== 'replay' && process.env.MPSD_TARGET) {
  try {
    allowedHosts.add(new URL(process.env.MPSD_TARGET).hostname.toLowerCase());
  } catch {
    // an invalid MPSD_TARGET is reported by the config, not here
  }
}

function isLoopback(host) {
  if (!host) return true; // no host: a local (pipe or default) connection
  const h = String(host)
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return h === '::ffff:127.0.0.1';
}

function allowed(host) {
  return isLoopback(host) || allowedHosts.has(String(host).toLowerCase());
}

function callSite() {
  const frames = (new Error().stack || '').split('\n').slice(1);
  // The first frame in a file of the project (not Node's internals, not this file, not a dependency).
  const outside = frames.find(
    (f) => /\(?\/.+:\d+:\d+\)?$/.test(f.trim()) && !f.includes('node:') && !f.includes(SELF) && !f.includes('node_modules/'),
  );
  return outside ? outside.trim().replace(/^at /, '') : 'an asynchronous call whose caller Node no longer knows (global fetch or undici)';
}

/** What a refused connection throws: a class of its own, its code and the refused host and call site as fields. */
class NetworkEscapeError extends Error {
  constructor(message, what, host, site) {
    super(message);
    this.name = 'NetworkEscapeError';
    this.code = 'NETWORK_ESCAPE';
    this.what = what;
    this.host = host;
    this.site = site;
  }
}

function refuse(what, host) {
  const site = callSite();
  const message = `[harness:NETWORK_ESCAPE] ${what} to ${host} was refused: MPSD_MODE=${mode} must not reach the network (called from ${site}). Record with MPSD_MODE=record, or route the request through the harness's client.`;
  state.blocked.push({ what, host, site });
  process.exitCode = 1;
  return new NetworkEscapeError(message, what, host, site);
}

/** A caller's `lookup` whose answers are checked: an address off this machine (or not the target) is refused. */
function checkedLookup(lookup) {
  return function tripwireLookup(host, options, callback) {
    const done = typeof options === 'function' ? options : callback;
    const answer = (error, address, family) => {
      if (error) return done(error, address, family);
      const addresses = Array.isArray(address) ? address.map((a) => a.address) : [address];
      const outside = addresses.find((a) => !allowed(a));
      if (outside !== undefined) return done(refuse(`a connection to ${host} through a custom lookup`, outside));
      return done(null, address, family);
    };
    return typeof options === 'function' ? lookup(host, answer) : lookup(host, options, answer);
  };
}

/** Patch the process once; requiring this file twice (NODE_OPTIONS and --require) installs it once. */
function install() {
  globalThis.__mpsdTripwire = state;
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function tripwireConnect(...args) {
    // net.connect and friends pass their normalized arguments as one array: [options, callback].
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    const options =
      typeof first === 'object' && first !== null ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
    if (!options.path && !allowed(options.host)) throw refuse('a connection', `${options.host}:${options.port}`);
    // A name that looks local may be looked up by a function of the caller's: check where it leads.
    if (!options.path && typeof options.lookup === 'function') options.lookup = checkedLookup(options.lookup);
    return connect.apply(this, args);
  };

  for (const method of ['send', 'connect']) {
    const original = dgram.Socket.prototype[method];
    dgram.Socket.prototype[method] = function tripwireDgram(...args) {
      const host = args.find((a, i) => i > 0 && typeof a === 'string');
      if (!allowed(host)) throw refuse(`a UDP ${method}`, host);
      return original.apply(this, args);
    };
  }

  // Every resolver method, on the prototypes (instances, and the module's methods, which setServers
  // binds from them again) and on the modules themselves (bound before this file ran).
  const isDnsCall = (name) => name === 'lookup' || name === 'lookupService' || name === 'reverse' || name.startsWith('resolve');
  for (const target of [dns, dns.promises, dns.Resolver.prototype, dns.promises.Resolver.prototype]) {
    for (const name of Object.getOwnPropertyNames(target).filter(isDnsCall)) {
      const original = target[name];
      if (typeof original !== 'function') continue;
      target[name] = function tripwireDns(host, ...rest) {
        if (!allowed(host)) throw refuse(`a DNS ${name}`, host);
        return original.call(this, host, ...rest);
      };
    }
  }

  // The raw bindings under net, dgram and dns: reaching for them from userland is an escape in itself.
  const binding = process.binding;
  process.binding = function tripwireBinding(name) {
    if (name === 'tcp_wrap' || name === 'udp_wrap' || name === 'cares_wrap') throw refuse(`process.binding('${name}')`, 'a raw socket');
    return binding.call(this, name);
  };

  // Children inherit the tripwire: every node process started from here requires this file first.
  const require_ = `--require ${JSON.stringify(SELF)}`;
  if (!(process.env.NODE_OPTIONS || '').includes(SELF)) process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS || ''} ${require_}`.trim();

  const workerThreads = require('node:worker_threads');
  const OriginalWorker = workerThreads.Worker;
  workerThreads.Worker = class TripwireWorker extends OriginalWorker {
    constructor(file, options = {}) {
      super(file, { ...options, execArgv: [...(options.execArgv || process.execArgv), '--require', SELF] });
    }
  };

  process.on('exit', () => {
    if (state.blocked.length === 0) return;
    process.exitCode = 1; // after mocha set its own: a refused connection fails the run even if every test passed
    process.stderr.write(
      `\ntripwire: ${state.blocked.length} outbound connection(s) refused in MPSD_MODE=${mode}:\n${state.blocked.map((b) => `  ${b.what} to ${b.host}, from ${b.site}`).join('\n')}\n`,
    );
  });
}

if (!globalThis.__mpsdTripwire) install();
