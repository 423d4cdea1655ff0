/**
 * Whether a blocker is technical (the team can solve it) or needs a business or product decision:
 * capacity or infrastructure investment, budget and paid plans, legal and licensing matters, vendor
 * contracts, scope, priorities, and missing or contradicting requirements. Those go to the product
 * owner; a third party's bug, a review or access someone on the team can give, do not.
 */

/** Someone outside the company whose say the work waits on: an ethics committee, a port authority, a council's officer. */
// (A certificate authority is a machine issuing certificates, not a body with a say.)
const OUTSIDE_AUTHORITY = "(?:ethics (?:committee|board)|(?:health |transport |education )?ministry(?:'s (?:[\\w-]+ ){0,2}officer)?|(?:clinical )?safety officer|(?:school |county )?district|trading standards|(?:county |mines |health and safety |fire )?inspector|(?:[\\w-]+ )?(?:clerk|registrar|recorder|assessor|mayor|governor)'s office|(?:[\\w-]+ )?(?<!certificate |certification )authority|council's (?:[\\w-]+ ){0,2}officer|commissioner|ombudsman|notified body|certified (?:tax )?advis[eo]r)";
/** An organisation outside the team whose members or officers have a say: a coop, an association, a client. */
const OUTSIDE_BODY = "(?:[\\w'-]+ )?(?:co-?op|co-?operative|association|society|federation|guild|trustees|wardens|parish|shipping line|airline|(?:ferry|rail|bus|train|tour) operator|client|customer)s?'?";
/** What such a body does when it has the say, and what it does not do yet. */
const ITS_SAY = "(?:sign(?:s|ed)? off|has to sign|sign-off|approv\\w+|consent|decid\\w+|(?:hasn't|has not|haven't|have not) (?:approved|signed|said|decided|replied|answered|confirmed))";

export type BusinessReason = 'infrastructure' | 'budget' | 'legal' | 'third party' | 'scope' | 'priorities' | 'requirements';

const BUSINESS_CUES: readonly { reason: BusinessReason; re: RegExp }[] = [
  {
    reason: 'infrastructure',
    re: /\b(?:multiple|multi|more|several|other|second|two) ?-?regions?\b|\bscal(?:e|ing) (?:it |this |up |out )?(?:to|beyond|for)\b|\b(?:bigger|larger|dedicated|managed|more|second|another) (?:database|db|server|servers|instance|instances|cluster|machines?|hardware|region|data ?cent(?:re|er))\b|\binfrastructure (?:investment|cost|spend)\b|\b(?:need|needs|require|requires|would need)(?: about| around| at least| roughly)? \d[\d,.]*\+?(?: [\w'-]+){0,5},? but (?:our|the|we|it|this|they)(?: [\w'-]+){0,4} (?:only )?(?:handles?|supports?|can (?:only )?(?:handle|take|do|hold)|allows?|caps?|holds?|maxes out)|\bmax(?:es)? out at \d|\b(?:three|\d+) times bigger\b|\bsingle (?:database|db|instance|server|region)\b|\buptime\b.*\bcontract\b|\bcontract\b.*\buptime\b/,
  },
  {
    reason: 'budget',
    re: /\bbudget\b|\bbilling (?:console|account|portal|page|admin|settings|contact)\b|\b(?:company|corporate|credit) card\b|\bcard on file\b|\binvoices? (?:is|are|was|were) (?:unpaid|overdue)\b|\b(?:cost|costs|costing|pay for|(?<!')paid(?!')|pricing(?! (?:engine|service|module|api|code|logic|rules? engine|calculator|function|tests?))|(?<!(?:ticket|customer|user|test|at|on|after|before|of) )purchase(?! (?:tests?|flows?|button|api|endpoint|page|events?|history|path|screen|requests?|calls?))|buy|spend|(?:a|no|one|\d+|more|extra|additional|paid|licen[cs]e|editor|user|developer|designer) (?:[a-z]+ )?seats?(?! map| plan| picker| selection| layout| chart)|seats? (?:licen[cs]es?|limit|cap)|subscription(?! (?:renewal (?:calls?|work|retry|jobs?|tests?|code)|ios|android|apps?|service|worker|flow|endpoints?|api|page|webhooks?|events?|tests?|code|module|box|boxes|site|portal|products?))|(?:contract|subscription|licen[cs]e|plan|seat|support|membership|domain) renewal(?! (?:calls?|work|retry|jobs?|tests?|code))|sign the renewal|fees|(?<!schema )finance(?! (?:reports?|marts?|tables?|data|dashboards?|models?|pipelines?|jobs?|service|db|database|backfill|schema)\b)|cloud bill|line on the (?:\w+ )?bill|storage bill|(?:our|the|a|my) [\w-]+ bill|switch vendors?|balance is empty|(?:twilio|sms|aws|gcp|azure|stripe) balance)\b(?!-)|\b(?:only )?(?:lets us|allows us to) (?:send|make|store|run|use|have)\b|\b(?:free )?quota is gone\b|(?:\$|€|£)\s?\d|\b(?:free|paid|enterprise|premium|pro) (?:tier|plan|quota|account|version)\b|\bcaps? us at\b|(?<!\b(?:at|by) (?:the |an |our )?(?:[\w-]+ )?)\b(?:an|the|our) (?:[\w-]+ )?agency\b(?! (?:account|accounts|login|contact|portal)\b)(?!'s (?:[\w-]+ )?(?:sandbox|api|gateway|servers?|endpoints?|portal|systems?|service|website|site)\b)/,
  },
  // An authority outside the company has the say: an ethics committee, a port authority, a council's officer.
  { reason: 'requirements', re: new RegExp(`\\b${OUTSIDE_AUTHORITY}\\b[^.?!]{0,40}\\b(?:sign(?:s|ed)? off|has to sign|hasn't (?:approved|signed|said|decided)|has not|approv\\w+|reviews?|sign-off|consent|permission|decid\\w+)|\\b(?:sign(?:ed)?[- ]off|approv\\w+|permission|consent) (?:by|from|of) (?:the )?(?:[\\w'-]+ ){0,3}${OUTSIDE_AUTHORITY}`) },
  // …and so has a body outside the company: a growers' coop, a client, the trustees; or a client who wants to see it first.
  { reason: 'requirements', re: new RegExp(`\\b${OUTSIDE_BODY} (?:[^.?!]{0,40} )?${ITS_SAY}|\\b${OUTSIDE_BODY} wants? to (?:see|review|check|try) (?:the |our )?(?:ui|screens?|designs?|mockups?|demo|pages?|copy|app|it) (?:first|before)\\b`) },
  { reason: 'requirements', re: /\bnobody has (?:given|sent|told) us (?:the )?(?:[\w-]+ ){0,3}(?:rate|rule|figure|price|number|answer|value)\b|\bbills? (?:per|by the) (?:hour|day)\b|\b(?:raise|raising|put up|double) (?:their|the) (?:[\w-]+ )?(?:fee|price|rate)s?\b|\btheir new (?:[\w-]+ )?(?:surcharge|fee|price|rate|pricing)\b/ },
  { reason: 'legal', re: /\b(?:(?:fcc|fda|ofcom|ce|ul|ukca|regulatory) (?:certification|approval|filing|clearance|marking)|regulatory lead|regulatory (?:says|wants|needs|team)|(?:nobody|no one|someone|anyone) in regulatory|data processing agreement|dpia|information governance|dpo|data protection officer|privacy (?:review|sign-?off|team|officer)|soc ?2|iso ?27001|pci(?: dss)?|audit evidence|privacy policy|compliance|regulator|legal|lawyers?|licen[cs]e(?!-)(?! (?:servers?|dongles?|keys?|files?|manager|check|daemon|pdfs?|purchases?|sales|pages?|forms?|flow|generation|numbers?)\b)|licensing|agpl|gpl|dpa|gdpr|hipaa|data residency|health data|cookie consent|consent wording|(?:eu|us|uk)[- ]only|patient[- ]linked|terms of service|terms of use|(?:api|usage|data|licen[cs]e|new) terms|retention (?:policy|period|rules?)|customer data|personal data|allowed to use|data[- ]sharing|are we (?:even )?allowed to|(?:loan|licen[cs]e|data|partner) agreement (?:doesn't|does not) say|agreements? (?:[\w-]+ ){0,4}(?:says? no|forbids?|prohibits?|(?:don't|doesn't|do not|does not) (?:allow|permit))|works council|(?:trade|labou?r) union|union rep|union-approved|the union (?:says|wants|needs|has|hasn't|asked)|labou?r law|baa|patient data|legal copy|consent screen)\b/ },
  { reason: 'scope', re: /\b(?:cut|drop) [\w ]{1,30} from the (?:demo|release|launch|sprint) or (?:move|push|delay) the (?:date|demo|deadline|launch)\b|\b(?:client|customer)\b[^.?!]{0,30}\b(?:hasn't|has not|haven't) (?:told|said|decided|confirmed|approved|signed off|agreed)\b/ },
  { reason: 'third party', re: /\bthe (?:vendor|supplier|agency|partner) promised\b|(?<![\w-])(?<!(?:api|data|v\d+|openapi|interface|service|schema|endpoint|event|message|the [\w-]+ team's) )contract(?! (?:upload|template|page|pdf|form|field|viewer)s?)(?! test)(?![\w-])|\bagreement (?:doesn't|does not) cover\b|\baddendum\b|\b(?:purchase order|a new po|won't renew|partner agreement|sla with|sow|statement of work|msa|master services agreement)\b/ },
  { reason: 'scope', re: /\b(?:we|sales|i|they|marketing|management|someone|the ceo|product) (?:promised|told|committed to|assured|agreed with)(?: [\w'-]+){0,3} (?:the )?(?:bank|client|customer|insurer|partner|investors?|regulator|board|users|auditors?)\b|\b(?:is|are) (?:that|this|it) (?:really |actually )?(?:the plan|what we want|intended|in scope)\b|\bare we (?:really |actually )(?:doing|building|supporting|committing to|promising|shipping)\b|\bdecide what (?:we|to) (?:tell|say|promise|offer)\b|\b(?:(?:i|we) can (?:only )?do (?:maybe )?(?:the )?(?:top |first )?\d+|(?:fit|squeeze|cram|get|do|finish|deliver|ship|build) (?:[\w'-]+ ){0,5}(?:in|into|within) this sprint|(?:both|all of (?:them|it)|everything|all three|all four) this sprint|(?:not|isn't|aren't|wasn't|weren't) in this sprint|(?:drop|cut|move|push|defer|take) [\w' ]{1,30} (?:from|out of) this sprint|(?<!@[\w-]+ )(?<!(?:write|read|token|oauth|api|admin|push|repo|right|wrong|correct|missing|required|extra|token's) )scope|out of scope|not in the (?:sprint|estimate|plan)|isn't in the estimate|mvp|do we (?:still )?(?:need|take|build|support|want)|(?:customer|client) (?:asked for|changed the)|doubled|won't finish this sprint|only covers)\b/ },
  // A call that is the product owner's or a stakeholder's to make, however it is asked for.
  { reason: 'requirements', re: /\b(?:\w+ says [^,.;?!]{1,60}, (?:and )?(?:the )?(?:[\w-]+ ){0,2}says|one of them wins|(?:someone|somebody) (?:picks?|chooses?|decides?)|(?:answers?|decides?|tells? (?:me|us)|confirms?) which|which [\w ]{1,20} to (?:show|use|support|build|include|offer)|your call|not my call|isn't my call|who decides|go\/no-go(?! (?:checker|check|screen|flag|button|status|page|logic|tool))|either way|which one is it|which do i build|(?:can't|cannot) build both|not in the requirements|(?:someone|somebody|one person|product|the po)(?: \w+)? (?:needs|has|have) to (?:pick|choose|decide|approve)|(?:get|need) one person to decide|(?:customer|client|stakeholders?) to (?:confirm|decide|choose|pick)|(?:two|the) stakeholders|(?:spec|doc|ticket|requirements?|brief) says both|which of the [\w ]{1,40} in the (?:doc|spec|brief|ticket))\b/ },
  // Someone above the team or outside it has the call: a board, a ministry, a client's acceptance.
  {
    reason: 'requirements',
    re: /\b(?:board|ministry|regulator|registry|council|committee|steering (?:group|committee)|leadership|exec team|execs|cfo|ceo|coo|founders?|investors?|client|customer|legal|insurer)(?: \w+){0,2} (?:decides?|approves?|confirms?|signs? off|rules?|agrees?|picks?|chooses?)\b|\b(?:uat|user acceptance|acceptance testing|go-live)\b[^.?!]{0,40}\bsign(?:ed)?[- ]?off\b|\bsign(?:ed)?[- ]?off (?:on )?(?:the )?uat\b|\b(?:in|part of) (?:the |this )?(?:first |next |initial )?(?:release|mvp|launch|v1|v?\d+\.\d+|scope)(?: [\w-]+){0,4} or not\b|\b(?:can|could|would) (?:product|the po|the product owner) (?:tell|confirm|decide|say)\b|\b(?:spec|ticket|requirements?|prd|story) (?:is|are) (?:silent|blank|empty)\b|\bhinges? on (?:it|this|that|whether)\b|\bneeds? (?:the )?(?:po|pm|product owner)'s (?:ok|okay|approval|sign-?off|go-ahead)\b|\b(?:nothing|no word|no answer|no decision) (?:yet )?from the (?:board|ministry|client|customer|regulator|council|committee|leadership)\b|\bwhether [\w ]{1,30} goes ahead\b|\b(?:two|three|four|several|different|conflicting|contradictory) (?:different )?answers\b/,
  },
  {
    reason: 'requirements',
    re: /\b(?:need|needs|want|waiting for|waiting on|awaiting) (?:a |the )?(?:po|product owner|pm|product)(?:'s)? (?:call|decision|ruling|answer)\b|\b(?:need|needs|want|waiting for) (?:the )?(?:po|product owner|pm|product) to (?:pick|choose|decide|say|confirm|tell)\b|\bspecs? (?:say|says) (?:opposite|different|conflicting|contradictory)\b|\bnobody(?:'s| has| ever)? (?:told (?:me|us)|said|decided)(?: (?:whether|which|what|if|how))?\b|\b(?:which|whose) (?:[\w-]+ ){0,2}wins\b|\bnobody (?:owns|makes|has made) (?:the|this|that) (?:decision|call)\b|\b(?:said|says) the (?:opposite|reverse)\b|\b(?:keep|still) supporting\b|\bdrop support for\b/,
  },
  { reason: 'requirements', re: /\b(?:marketing|sales|the client|the customer|legal|product|the promoter|the publisher) (?:still )?(?:hasn't|has not|haven't|have not) signed off\b|\bapprove the (?:price|pricing)\b|\bprice tiers\b|\bno pricing\b/ },
  { reason: 'requirements', re: /\b(?:can|could) (?:a|the) po\b|\bwhat the requirements? (?:is|are)\b|\b(?:operator|regulator|authority|council|ministry|client|customer)(?:'s)? sign-?off\b|\b(?:till|until) the po (?:picks|decides|says|chooses)\b|\bsays one, the\b/ },
  { reason: 'priorities', re: /\bwhich (?:one |\w+ )?comes first\b|\bthere's only (?:me|one of me)\b|\b(?:both|each of them|everyone|all of them) (?:say|says|said|call|calls) (?:it(?:'s| is) )?'?urgent\b|\bwants? [\w' -]{3,50} first\b[^.?!]{0,30}\b(?:says?|said|wants?)\b/ },
  // A call product or the business has to make, waited on: "waiting on a call from product".
  { reason: 'requirements', re: /\b(?:waiting|wait) (?:on|for) (?:a|the|their) (?:call|ruling|verdict|decision) from (?:product|the po|the product owner|the pm|management|the business|the client|the customer|legal)\b/ },
  { reason: 'budget', re: /\b(?:enterprise )?support (?:upgrade|plan)\b|\bwon't raise (?:our |the )?(?:[\w-]+ )?(?:quota|limit)\b|\bsigns? off (?:on )?the (?:upgrade|plan|spend|purchase|order)\b|\bon our current plan\b/ },
  { reason: 'legal', re: /\bthe grant(?: agreement| terms)? says\b|\bgrant (?:terms|agreement|conditions)\b/ },
  // "nobody has approved the bigger plan", "that's money, who approves?"
  { reason: 'budget', re: /\b(?:bigger|larger|higher|next|upgraded|paid) (?:data |sim |usage )?(?:plan|tier|package|bundle)\b|\bthat(?:'s| is) money\b|\bcosts? money\b|\bwho (?:approves|pays|signs off on) (?:it|that|this|the (?:spend|cost|bill))?/ },
  // "the spec only ever talks about the ward", "do we have parent permission for all of them?", a union that objects
  { reason: 'requirements', re: /\bthe (?:spec|specification|brief|prd) only (?:ever )?(?:talks about|mentions|covers|says)\b|\bparent(?:al|s')? (?:permission|consent)\b|\b(?:drivers'|staff|workers'|trade|the) union\b[^.?!]{0,60}\b(?:calls?|says?|wants?|objects?|refuses?)\b/ },
  // "…is nowhere in the spec", "the spec doesn't say"; "franchisees want…, head office says absolutely not"; a service's sign-off
  { reason: 'requirements', re: /\b(?:nowhere|not) in the (?:spec|specification|requirements|brief|ticket|prd)\b|\bthe (?:spec|specification|brief|prd) (?:doesn't|does not|never) (?:say|mention|cover|define)\b|\bwants? [^.?!]{3,80}?, (?:the )?(?:[\w-]+ ){0,2}(?:says?|said) (?:absolutely |flatly )?(?:no|not|never)\b|\b(?:the )?[\w-]+ (?:service|agency|inspectorate|department)(?:'s [\w-]+(?: [\w-]+)?)? (?:has|have|needs?|must) to sign off\b/ },
  { reason: 'budget', re: /\b(?:upgrades?|upgrading|ups|upping|raises?|raising|bumps?|bumping) (?:the |our )?plan\b|\b(?<!disk |memory |inode )(?:volume|allowance|quota|credits?|minutes)\b[^.?!]{0,30}\b(?:plan|tier|subscription)\b[^.?!]{0,20}\b(?:used up|run out|ran out|exhausted|gone|maxed out)\b|\b(?:used up|burnt through|burned through|ran out of|run out of|exhausted) (?:this month's |our |the )?(?:monthly |daily )?(?:volume|allowance|quota|credits?)\b|\bsomeone with billing\b|\b(?:minutes|credits) (?:are|is) (?:all )?used up\b|\bbuying (?:more|additional|extra|a bigger|a larger|a higher)\b|\b(?:a |the )?product owner (?:must|has to|needs to) approve\b|\bapprove the add-on\b|\bquote (?:for|from)\b|\b(?:cfo|finance director|procurement|purchasing)\b|\border form\b|\bpurchase request\b/ },
  { reason: 'budget', re: /\b(?:billing|finance|budget) (?:approval|sign-?off)|(?:approve|approval (?:of|for)) the (?:paid|pro|enterprise|bigger) plan|(?:membership|subscription|developer account) (?:has )?(?:expired|lapsed|ran out)\b/ },
  { reason: 'priorities', re: /\b(?:(?:i|we) can only (?:finish|do|build|ship|deliver) one|p[0-3]s|marked (?:as )?p[0-3]|only (?:have|got) (?:the )?(?:time|capacity|room|hours|people) for one|which (?:one )?first|which of the [\w ]{1,30} comes first|priorit(?:y|ies|ise|ize)|which (?:one|feature|task) (?:first|matters)|more important|both (?:are )?marked urgent|(?:keep working on|switch to) the)\b/ },
  {
    reason: 'requirements',
    re: /\b(?:requirements?|spec|specification|acceptance criteria|mockups?)\b(?:[^.?!]{0,60})\b(?:unclear|conflict|conflicting|contradict|contradicts|missing|ambiguous|but|don't say|do not say|doesn't say|does not say|says nothing|is silent)\b|\b(?:product|business) decision\b|\b(?:waiting on|waiting for|need) (?:product|the (?:po|product owner|owners?|treasurer|committee)(?! to (?:review|merge|deploy|restart|fix|grant|add)))\b|\bproduct (?:to|has to|needs to|must) (?:tell|decide|say)\b|\b(?:marketing|sales|the publisher|publisher|the board|management|the ministry|the regulator) (?:wants?|asked)|\b(?:give|gives|show|shows|say|says) different (?:[\w-]+ )?(?:totals|answers|results|numbers|values|amounts|rules|figures|dates|prices|rates|instructions|requirements)\b|\bbefore or after (?:vat|tax|the discount)\b|\b(?:marketing|sales|the client|the customer) and \w+ disagree|\b(?:product|the po|product owner|the client|the customer|marketing|sales|management|stakeholders?) (?:still )?(?:hasn't|has not|haven't|didn't|needs to|has to|must) ?(?:decided|decide|said|say|confirmed|confirm|told|tell|chosen|picked|choose|pick)\b|\b(?:design and sales|sales and design) disagree\b|\bnobody has (?:decided|told me (?:whether|which|what|if))\b|\bwhich payment provider\b|\b(?:free|paid|pro) plan (?:include|get|have)\b|\bpricing page\b|\bfinal prices\b|\b(?:the )?(?:ticket|spec|story)(?: for [\w ]{1,30}?)? (?:doesn't|does not) say\b|\bwhat product described\b|\bwhich do i follow\b|\bwhat do (?:we|i) tell (?:them|the customer|the client)\b|\b(?:customer|client) (?:wants|expects) [^.?!]{0,40}\bby (?:monday|tuesday|wednesday|thursday|friday|tomorrow|next|the end)|\b(?:need|needs|get|make) a (?:call|decision|ruling) on (?:whether|it|this|that|these|those|which|what|how)\b|\b(?:can't|cannot|can not) both (?:be true|hold|be right|apply|happen)\b|\bwhether we (?:keep|support|drop|build|do|ship)\b|\bsales promised\b|\bwhether (?:guests?|users|customers|the free plan|[\w-]+ users)\b|\bwhich one\?/,
  },
];

/**
 * Waiting on another company to act on our account ("waiting for the Stripe team to enable webhooks",
 * "the Twilio folks to approve our sender ID"): the account and the relationship are the product
 * owner's. Read on the original text, where a vendor is a name; the company's own teams are not.
 */
const VENDOR_WAIT =
  /\b(?:[Ww]aiting|[Ww]aits?) (?:on|for) (?:the )?(?!(?:Security|Data|Platform|Design|Mobile|Backend|Frontend|Infra|Ops|DevOps|Product|Web|Growth|Core|Legal|Finance|Sales|Marketing|Support)\b)[A-Z][a-z][\w.&-]*(?: [A-Za-z][\w.-]*)? (?:team|folks|people|support|partner team|partners)\b/;

/** An agency named by its initials that has not approved ("the FAA hasn't approved our checklist"); read on the original text. */
const AGENCY_WAIT = /\b[Tt]he [A-Z]{2,6}(?: still)? (?:hasn't|has not|haven't|have not) (?:yet )?(?:approved|signed off|cleared|certified)\b/;

/** A file path names code ("src/pricing/tiers.ts"), not the business matter its words might. */
const FILE_PATH = /[\w.-]+(?:\/[\w.-]+)+\.\w+/g;

/**
 * Which of two technical things is right (a branch, a role to use, a supplier's config against its
 * signal database) is for engineers to settle, unless a product or policy document is in it.
 */
const TECHNICAL_CHOICE =
  /\bwhich (?:key|token|secret|credentials?|password|branch|commit|tag|version|build|image|port|config|schema|role|endpoint|library|sdk|region|cluster|migration|flag)\b|\b(?:config|configuration|schema|database|firmware|dbc|sdk|api docs?|datasheet|header|binary)\b[^.?!]{0,60}\b(?:disagree|conflict|contradict|don't match|do not match|mismatch)/;
const POLICY_DOCUMENT = /\b(?:marketing|finance|sales|legal|policy|prd|requirements?|brief|customer|client)\b|(?<!(?:openapi|api|swagger|protobuf|interface|graphql|json|v\d+) )\b(?:spec|contract)\b/;

/** The business reason a blocker needs the product owner for, or null when the team can solve it. */
export function businessReason(text: string): BusinessReason | null {
  const t = text.toLowerCase().replace(/[’‘]/g, "'").replace(FILE_PATH, ' ');
  const reason =
    BUSINESS_CUES.find(({ re }) => re.test(t))?.reason ??
    (VENDOR_WAIT.test(text) ? 'third party' : AGENCY_WAIT.test(text) ? 'requirements' : null);
  if (reason === 'requirements' && TECHNICAL_CHOICE.test(t) && !POLICY_DOCUMENT.test(t)) return null;
  return reason;
}

export type BlockerKind = { kind: 'technical' } | { kind: 'business'; reason: BusinessReason };

export function classifyBlocker(text: string): BlockerKind {
  const reason = businessReason(text);
  return reason ? { kind: 'business', reason } : { kind: 'technical' };
}
