/**
 * The documented handle-dereference behaviours the catalogue must cover, each with the section of
 * docs/protocol.md it comes from. A scenario declares what it proves with covers('<id>'); the
 * coverage report lists every behaviour with no scenario.
 */
export const BEHAVIOURS = {
  'read.activity': { section: '3.4', text: 'GET through an activity handle returns the session' },
  'read.invite': { section: '3.4', text: 'GET through an invite handle returns the session' },
  'read.search': { section: '3.4', text: 'GET through a search handle returns the session' },
  'read.transfer': { section: '3.4', text: 'GET through a transfer handle returns the session' },
  'read.same-as-direct': { section: '3.4', text: 'the body through a handle equals a direct GET' },
  'read.emptied-session': { section: '3.4, 6.5', text: 'a handle to a session that was emptied reads 204' },
  'read.unknown-handle': { section: '3.4', text: 'an unknown handle is 404' },
  'read.malformed-handle-id': { section: '3.4', text: 'a handle id that is not a GUID is 404, as an invalid URI' },
  'read.deleted-handle': { section: '3.3', text: 'a deleted handle is 404' },
  'write.join': { section: '3.5, 4', text: 'members.me through a handle joins the caller' },
  'write.own-properties': { section: '4', text: 'a member updates its own properties through a handle' },
  'write.active-ready': { section: '4', text: 'active and ready are set through a handle and are exclusive' },
  'write.leave': { section: '4', text: '"me": null through a handle leaves' },
  'write.last-leave-deletes': { section: '1.4, 4', text: 'the last member leaving deletes the session (204)' },
  'constants.create': { section: '4', text: 'a create through a handle sets constants' },
  'constants.fixed': { section: '4', text: 'changing constants after creation is 409' },
  'constants.template-wins': { section: '4', text: 'template constants cannot be overridden (409)' },
  'invite.open-read-write': { section: '2.1', text: 'an invite handle gives read-write access to an open session' },
  'invite.closed-read-only': { section: '2.1', text: 'an invite handle gives read-only access to a closed session' },
  'transfer.origin-member': { section: '3.5', text: 'a member of the origin session joins through a transfer handle' },
  'transfer.non-member': { section: '3.5', text: 'a non-member of the origin session is refused' },
  'activity.replaced': { section: '2.1', text: "a new activity handle replaces the user's previous one" },
  'activity.removed-on-leave': { section: '2.1', text: "leaving removes the member's activity handle" },
  'search.one-per-session': { section: '2.1', text: 'a session holds at most one search handle' },
  'search.search-handle-field': { section: '2.1, 5.1', text: 'the session names its search handle in searchHandle' },
  'concurrency.if-match-current': { section: '1.2', text: 'If-Match with the current ETag succeeds' },
  'concurrency.if-match-stale': { section: '1.2, 1.4', text: 'a stale If-Match is 412 with the current session' },
  'concurrency.if-none-match-star': { section: '1.2', text: 'If-None-Match: * on an existing session is 412' },
  'contract.104': { section: '1.2', text: 'contract version 104 is accepted' },
  'contract.105': { section: '1.2', text: 'contract version 105 is accepted' },
  'contract.107': { section: '1.2', text: 'contract version 107 is accepted' },
  'contract.too-old': { section: '1.2', text: 'a contract version below 104 is refused' },
  'contract.missing': { section: '1.2', text: 'a request without a contract version is refused' },
  'auth.missing': { section: '1.4', text: 'a request without Authorization is 401' },
  'auth.private-non-member': { section: '3.6, 5.2', text: 'a private session read by a non-member is 403' },
  'bookkeeping.members-info': { section: '5.4, 5.5', text: 'membersInfo and the next links agree with members after joins and leaves' },
  'bookkeeping.change-number': { section: '5.1', text: 'changeNumber grows on every write' },
  'access.activity-needs-active-member': { section: '2.1', text: 'only an active member of the session creates an activity handle to it (403 otherwise)' },
  'access.invite-needs-member': { section: '2.1', text: 'a stranger cannot create an invite handle to a session (403)' },
  'access.delete-owner-only': { section: '2.1, 3.3', text: "only a handle's owner deletes it; a member may delete the session's search handle" },
  'custom.numbers-as-written': { section: '5.1, appendix', text: 'custom values keep their numbers as written (64-bit ids, 1.0) through a write, a read and a republish' },
  'access.followed': { section: '5.3', text: 'a followed session admits the people a member follows and refuses others with the MPSD text' },
  'query.activity-by-people': { section: '3.7', text: 'an activity query by owners.people finds the activity of the people a user follows' },
  'query.activity-by-owner': { section: '3.7', text: 'POST /handles/query finds activity handles by owner xuid, with relatedInfo on request' },
  'query.search-filter': { section: '3.7', text: 'POST /handles/query finds search handles by template and filter' },
  'query.owners-conflict': { section: '3.7', text: 'a query naming owner xuids and people together is 400' },
  'large.only-me': { section: '4, 5.4', text: 'a large session shows only "me" in members' },
} as const;

export type BehaviourId = keyof typeof BEHAVIOURS;

export function isBehaviourId(id: string): id is BehaviourId {
  return Object.hasOwn(BEHAVIOURS, id);
}
