/**
 * What an objective touches, read from its shape rather than from one domain's words: something shown
 * to people in an interface that a server must supply ("show its score in the agent console"), a whole
 * product built across platforms, a home-grown system swapped for a vendor's or a choice between two
 * (an architecture decision), a library released to a package registry, a screen in someone's hand, work
 * run on a schedule, data mailed out to a personal inbox. Each adds the concerns that the work cannot
 * ship without.
 */
import type { Concern } from './domains.js';
import type { Phrase } from './phrasing.js';
import { releasesLibrary } from './library-release.js';
import { failsUnderLoad } from './under-load.js';
import { withoutWhatStaysUp } from './uptime.js';

/** Shown to people on a screen: "show X in the agent console", "display Y on the product page". */
const SHOWN_IN_UI =
  /\b(?:show|shows|showing|shown|display|displays|displaying|surface|surfaces|see|sees|recommend|recommends|suggest|suggests|list|lists|highlight|highlights)\b.{0,100}?\b(?:in|on|inside|within|next\s+to|under)\s+(?:the\s+|our\s+|their\s+|its\s+|each\s+|every\s+)?(?:[\w'’-]+\s+){0,2}(?:page|dashboard|console|screen|app|panel|portal|sidebar|inbox|checkout|cart|profile|view|list|table|map)\b/i;
/** What is shown is only a look, with nothing a server must work out. */
const ONLY_A_LOOK = /\b(?:banner|icon|badge|tooltip|colou?rs?|logo|illustration|animation|spinner|skeleton|placeholder|font|emoji|hint|button|link|message|copy|wording|text)\b/i;

/** Given to people to look at: "give store managers a report of refunds". */
const GIVEN_TO_LOOK_AT = /\b(?:report|reports|dashboard|overview|chart|charts|view|screen|page)\b/i;
/** Kept for a time, then deleted: retention is a policy for the data and for where it is stored. */
const SPAN = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|thirty|ninety)\s+(?:years?|months?|weeks?|days?)`;
const RETENTION = new RegExp(
  String.raw`\b(?:keep|retain|store|archive)\b.{0,80}?\bfor\s+${SPAN}|\b(?:delete|deletes|deleting|purge|purges|purging|erase|erasing|remove|removing|wipe|wiping|anonymi[sz]e|anonymi[sz]ing|pseudonymi[sz]e|discard|discarding|destroy|destroying|get\s+rid\s+of|throw\s+away|throwing\s+away|clear\s+out)\b.{0,80}?\b(?:(?:after|older\s+than)\s+${SPAN}|${SPAN}\s+(?:after|old)\b|(?:inactive|unused|dormant|idle|untouched)\s+(?:for\s+)?${SPAN})`,
  'i',
);

/** A person's own data handed back to them or kept from others: "everything you hold about me", "their profile data". */
const HANDED_BACK =
  /\b(?:everything|all(?:\s+of)?(?:\s+the)?\s+(?:data|information|details|records?)|(?:every|each)\s+(?:[\w-]+\s+){0,3}?(?:records?|data|detail))\b[^.]{0,50}?\b(?:(?:about|on)\s+(?:me|them|him|her|you|us)\b|(?:we|you|they|it)\s+(?:holds?|stores?|keeps?|collects?|has|have)\b)/i;
const PERSONAL_DATA = /\b(?:profile|personal|account)\s+data\b/i;
/** Seen only by the people it belongs to: "but only for their own children", "visible only to their own doctor", "access to their site's candidates only". */
const ONLY_THEIR_OWN = /\bonly\b[^.]{0,40}?\b(?:their|his|her|its)\s+own\b|\baccess\s+to\s+(?:[\w'’-]+\s+){1,4}?only\b|\b(?:visible|accessible|available)\s+only\s+to\b|\bonly\s+(?:be\s+)?(?:visible|accessible|available)\s+to\b/i;

/** Shown on a map: a map view is a screen to design, with places a server looks up. */
const ON_A_MAP = /\b(?:on|in|onto)\s+(?:a|the|one|our|their)\s+(?:[\w-]+\s+){0,2}?map\b|\bmap\s+(?:view|pin|marker)s?\b/i;
/** Shown to people before they pay: part of a purchase flow, designed with it. */
const BEFORE_PAYING =
  /\b(?:show|shows|showing|display|displays|displaying|see|accept|agree|tick|present)\b.{0,120}?\bbefore\s+(?:(?:they|the\s+\w+|customers?|users?|guests?|shoppers?|buyers?|you|anyone)\s+)?(?:goes\s+to\s+|go\s+to\s+|reach(?:es)?\s+)?(?:pay|pays|paying|payment|checkout|check\s+out|checks\s+out|checking\s+out|buy|buys|purchase|book|books|order|orders|sign\s+up|subscribe|confirm|confirms)\b|\b(?:show|display|put|list)\b.{0,80}?\b(?:on|in)\s+the\s+(?:cart|basket|checkout|payment)\s+(?:page|screen|step)\b/i;
/** Someone's own calendar read or written: access to their data, through the provider. */
const SOMEONES_CALENDAR = /\b(?:their|his|her|my|your|people['’]s|[\w-]+['’]s)\s+(?:[\w-]+\s+){0,3}?calendars?\b/i;
/** A product run under a customer's own name: their brand on it, and their domain served. */
const OWN_BRAND = /\btheir\s+own\s+(?:[\w-]+,?\s+(?:and\s+)?){0,3}?(?:name|brand|branding|logo|domain|web\s+address|url|app\s+name)\b|\bre-?brand(?:s|ed|ing)?\b|\bwhite[- ]label/i;
/** A failure nobody sees until someone complains: it needs watching. */
const UNNOTICED = /\b(?:nobody|no\s+one|no-one)\s+(?:notices?|knows?|finds?\s+out|sees?|realises?|realizes?)\b|\bwe\s+only\s+(?:find\s+out|notice|hear)\b/i;
/** Someone seeing what belongs to others: data crossing between customers. */
const OTHERS_RECORDS = /\b(?:can|able\s+to)\s+(?:see|read|view|access|open|download|edit)\b[^.]{0,60}?\b(?:each\s+other['’]s|another\s+[\w-]+['’]s|other\s+[\w-]+['’]\s|someone\s+else['’]s|another\s+(?:[\w-]+\s+){0,2}?(?:customer|tenant|clinic|school|company|account|user|patient)s?)/i;
/** Signing what is shipped (a build, an installer, an extension): how releases are made, with its keys guarded. */
const SIGNED_ARTEFACT = /\b(?:build|builds|installers?|extensions?|apps?|packages?|binar(?:y|ies)|releases?|bundles?|apk|ipa|images?|artifacts?|artefacts?)\b/i;

/** People giving up on a flow: what they do tells a problem of design, not only of code. */
const GIVE_UP = /\b(?:abandon|abandons|abandoning|give\s+up|gives\s+up|giving\s+up|(?:drop|drops|dropping)\s+off(?!\s+(?:the\s+)?(?:network|wi-?fi|grid|line|vpn))|get\s+confused|gets\s+confused|getting\s+confused|(?:can't|cannot|not\s+being\s+able\s+to)\s+(?:find|tell|see|understand|figure\s+out)|struggle\s+to|struggling\s+to)\b/i;

/** What a screen of data fails to tell: the data behind it is part of the fix. */
const DATA_VIEW = /\b(?:dashboards?|reports?|charts?|tables?|lists?|overview)\b/i;
/** Losing the network on the way: the app on the device has to cope with it. */
const CONNECTIVITY = /\b(?:lose|loses|losing|lost)\s+(?:the\s+|their\s+|its\s+)?(?:signal|connection|connectivity|network|reception)\b|\b(?:offline|no\s+signal|(?:slow|poor|flaky|bad|patchy|weak)\s+(?:connections?|networks?|signal|reception))\b/i;

/** Rules changed in production by people, not by a reviewed release: who may change them is a security matter. */
const RULES_WITHOUT_RELEASE =
  /\b(?:change|changes|changing|edit|edits|editing|adjust|adjusts|adjusting|set|sets|setting|tune|tuning|update|updating)\b.{0,60}?\b(?:thresholds?|limits?|rules?|polic(?:y|ies)|permissions?)\b.{0,40}?\bwithout\s+(?:a\s+|any\s+)?(?:deploy|deploys|deployment|release|code\s+changes?|developers?|engineers?)\b/i;

const WAITING = /\b(?:takes?|taking|slow|seconds|minutes|time[sd]?\s+out|timeout|loading|load)\b/i;

/** A product as a whole: "a complete telehealth product", "a marketplace on web and mobile". */
const PRODUCT = /(?<![\w-])(?:product|platform|marketplace|app|apps|application|service|site|website|system|game|portal)(?![\w-])/i;
const WHOLE = /\b(?:complete|whole|entire|full|brand[- ]new|from\s+scratch|end[- ]to[- ]end)\b/i;
const PLATFORMS = /\b(?:web|ios|android|mobile|desktop|iphone|ipad|tablet)\b/gi;
/** "the whole app available in Welsh": a product made to be so, not built. */
const MADE_SO = new RegExp(`${PRODUCT.source}\\s+(?:fully\\s+)?[a-z]+(?:able|ible)\\b`, 'i');
const BUILDS = new Set(['build', 'rebuild', 'create', 'launch', 'develop', 'make', 'ship', 'deliver', 'design', 'rewrite']);

/** A system of our own swapped for another: the choice is an architecture decision. */
const OUR_OWN = /\b(?:home[- ]?grown|in[- ]house|hand[- ]rolled|hand[- ]written|our\s+own|custom[- ]built|bespoke|self[- ]hosted|legacy)\b/i;
const SWAPS = new Set(['replace', 'migrate', 'move', 'switch', 'swap', 'port']);
const CHOOSES = new Set(['decide', 'choose', 'pick', 'compare', 'evaluate', 'assess', 'find out', 'investigate', 'explore', 'research', 'spike']);
const ALTERNATIVES = /\b(?:or|between|vs\.?|versus|instead\s+of)\b/i;

/** Used on a phone or tablet in someone's hand: the screen is designed for it. */
const ON_A_PHONE = /\b(?:from|on|in|with|using|via)\s+(?:their|his|her|my|your|a|the|our)\s+(?:own\s+)?(?:(?:mobile\s+)?phones?|mobiles?(?!\s+(?:apps?|web|site|version|browser|network|data)\b)|smartphones?|tablets?)\b/i;
/** An app made for some people ("a mobile app for truck drivers"): screens to design, with a server behind them. */
const APP_FOR_PEOPLE = /\b(?:(?:mobile|phone|native)\s+)?apps?\s+for\s+(?:the\s+|our\s+|their\s+)?(?:[\w-]+\s+)?(?!(?:develop|engine|test)ers\b)[a-z][\w-]*(?:ers|ors|ists|ians|ants|ents|staff|people|crews?|guests|fans|parents|nurses|doctors|patients)\b/i;
/** People shown their own things ("show their next delivery"): what a server keeps for them. */
const THEIR_OWN_SHOWN = /\b(?:show|shows|showing|display|displays|displaying)\s+(?:them\s+)?their\s+/i;
/** Data sent out of the company to someone's own mailbox: it has left where it is protected. */
const DATA_LEAVING = /\b(?:dumps?|backups?|exports?|reports?|database|db|spreadsheets?|csv|records|data)\b/i;
const PERSONAL_MAILBOX = /\b(?:gmail|hotmail|yahoo|icloud|proton(?:mail)?|(?:personal|private|home)\s+(?:e-?mail|inbox|mailbox|address|account))\b|['’]s\s+own\s+(?:e-?mail|inbox|mailbox)\b/i;
/** Work run on a schedule ("the nightly reports", "the monthly royalty run"): code on the server side, however it is hosted. */
const SCHEDULED_RUN = /\b(?:nightly|daily|weekly|monthly|hourly|quarterly|yearly|annual|scheduled|overnight)\s+(?:[\w-]+\s+){0,2}?(?:runs?|batch(?:es)?|jobs?|crons?|exports?|imports?|syncs?|reports?|statements?|reconciliations?|recalculations?)\b/i;

/** Records that went missing ("200 reports vanishing"): what keeps them is on the server side. */
const RECORDS_LOST = /\b(?:\d[\d,]*|some|all|many|several)\s+(?:[\w-]+\s+)?(?:orders|reports|records|rows|bookings|invoices|messages|payments|files|entries|uploads|photos|documents|tickets|accounts|results)\s+(?:vanish|disappear|go(?:ing)?\s+missing|went\s+missing|(?:were|got|get|getting)\s+lost)/i;
/** People doing something themselves ("players pay by card when they sign up", "users photograph their payslip"): on a screen; "how much customers order" is a quantity. */
const PEOPLE_DO = /(?<!\b(?:how\s+(?:much|many|often)|what|when|whether)\s+)\b(?:users|customers|players|fans|members|people|parents|patients|guests|buyers|sellers|drivers|passengers|travell?ers|residents|tenants|students|visitors|clients|shoppers)\s+(?:can\s+)?(?:pay|book|sign\s+up|register|upload|photograph|snap|confirm|choose|pick|select|fill\s+in|tap|scan|rate|order)\b/i;
/** A door, a gate or a locker opened by software: who may get in is kept by a server and guarded. */
const OPENS_A_PLACE = /\b(?:open|opens|unlock|unlocks|lock|locks)\s+(?:the\s+|a\s+|their\s+|its\s+)?(?:[\w-]+\s+)?(?:doors?|gates?|lockers?|turnstiles?|barriers?)\b/i;
/** A way of building a system by name ("an event-driven design"): choosing it is the architect's. */
const ARCHITECTURE_STYLE = /\b(?:event[- ]driven|event[- ]sourc(?:ed|ing)|cqrs|message[- ]driven|pub[- ]?sub|hexagonal|micro-?services?|outbox pattern)\b/i;
/** A model or service "served behind /v2/…": it is run in production. */
const SERVED_BEHIND = /\b(?:serve|serves|serving|expose|exposes|exposing)\s+(?:it|them|the\s+(?:model|predictions?|results?))\s+(?:behind|at|on|via|through)\b/i;
/** A flow cut to fewer screens, clicks or taps: it is designed again (fewer steps may be a release process). */
const FEWER_STEPS = /\b(?:(?:down\s+)?to|into)\s+(?:one|two|three|four|five|a\s+single|\d+)\s+(?:screens?|clicks?|taps?|pages?)\b|\bfewer\s+(?:screens|clicks|taps|pages)\b/i;

/** The concerns an objective's shape adds, whatever its domains. */
export function touches(phrase: Phrase): Concern[] {
  // (What must stay up meanwhile, "without taking the shop offline", is no part of it.)
  const text = withoutWhatStaysUp(phrase.action);
  const verb = phrase.verb ?? '';
  const add: Concern[] = [];
  if (SHOWN_IN_UI.test(text) && !ONLY_A_LOOK.test(SHOWN_IN_UI.exec(text)![0])) add.push('frontend', 'backend');
  const platforms = new Set((text.match(PLATFORMS) ?? []).map((p) => p.toLowerCase()));
  // The product is what is built, not where something goes ("push notifications in the iOS and Android apps").
  const built = phrase.object.split(/\s+(?:in|on|for|to|with|into|across|inside|within|where|that|which)\s+|:/i)[0] ?? '';
  // ("Make the whole app available in Welsh" makes it so; it builds no product.)
  if (phrase.cls !== 'fix' && BUILDS.has(verb) && !(verb === 'make' && MADE_SO.test(phrase.object)) && PRODUCT.test(built) && (WHOLE.test(phrase.object) || platforms.size >= 2)) add.push('cto', 'ops', 'visual', 'frontend', 'backend', 'qa');
  if ((SWAPS.has(verb) && OUR_OWN.test(phrase.object)) || (CHOOSES.has(verb) && ALTERNATIVES.test(phrase.object))) add.push('cto');
  if (releasesLibrary(phrase.verb, text)) add.push('backend', 'ops');
  if (phrase.receiver && GIVEN_TO_LOOK_AT.test(phrase.thing)) add.push('frontend', 'backend');
  // …unless they give up waiting: then it is speed.
  if (GIVE_UP.test(text) && !WAITING.test(text)) add.push('visual', 'frontend', ...(DATA_VIEW.test(text) ? (['backend'] as const) : []));
  if (CONNECTIVITY.test(text)) add.push('frontend');
  if (RULES_WITHOUT_RELEASE.test(text)) add.push('frontend', 'backend', 'security');
  if (RETENTION.test(text)) add.push('backend', 'security', 'ops');
  if (HANDED_BACK.test(text)) add.push('backend', 'frontend', 'security');
  if (PERSONAL_DATA.test(text)) add.push('backend', 'security');
  if (SOMEONES_CALENDAR.test(text)) add.push('backend', 'security');
  if (OWN_BRAND.test(text)) add.push('visual', 'frontend', 'backend', 'security');
  if (UNNOTICED.test(text)) add.push('ops', 'backend');
  if (OTHERS_RECORDS.test(text)) add.push('backend', 'security');
  if (/^(?:sign|code-sign|notari[sz]e)$/i.test(verb) && SIGNED_ARTEFACT.test(phrase.object)) add.push('ops', 'security');
  if (ONLY_THEIR_OWN.test(text)) add.push('security');
  if (ON_A_MAP.test(text)) add.push('visual', 'frontend', 'backend');
  if (BEFORE_PAYING.test(text)) add.push('visual', 'frontend');
  if (phrase.cls !== 'fix' && ON_A_PHONE.test(text)) add.push('visual', 'frontend');
  if (phrase.cls !== 'fix' && APP_FOR_PEOPLE.test(text)) add.push('visual', 'frontend', 'backend');
  if (THEIR_OWN_SHOWN.test(text)) add.push('frontend', 'backend');
  if (PERSONAL_MAILBOX.test(text) && DATA_LEAVING.test(text)) add.push('security');
  if (SCHEDULED_RUN.test(text)) add.push('backend');
  if (RECORDS_LOST.test(text)) add.push('backend');
  if (PEOPLE_DO.test(text)) add.push('frontend');
  if (phrase.cls !== 'fix' && OPENS_A_PLACE.test(text)) add.push('backend', 'security');
  if ((SWAPS.has(verb) || BUILDS.has(verb)) && ARCHITECTURE_STYLE.test(phrase.object)) add.push('cto');
  if (SERVED_BEHIND.test(text)) add.push('ops');
  if (FEWER_STEPS.test(text)) add.push('visual', 'frontend');
  if (failsUnderLoad(text)) add.push('ops', 'backend');
  return add;
}
