/**
 * Catalogue words said in another sense, which must not make a domain: a "layout" that is how a
 * table is stored, not a page; "sign-up conversion", which is a number to move, not a sign-in flow;
 * a "key" that is a join column. Each phrase takes its words before any domain term can (domains.ts
 * matches longest first and a word is used once), and counts for nothing.
 */
/** languages that are also peoples: "Irish customers" are customers, not a translation */
const PEOPLES = ['irish', 'welsh', 'swedish', 'danish', 'norwegian', 'finnish', 'greek', 'turkish', 'czech', 'hungarian', 'romanian', 'german', 'french', 'spanish', 'italian', 'dutch'];

export const OTHER_SENSES: readonly string[] = [
  ...PEOPLES.flatMap((p) => [`${p} customer`, `${p} user`, `${p} shopper`, `${p} client`, `${p} market`]),
  // how data is stored, not a screen
  'partitioned layout', 'partition layout', 'storage layout', 'data layout', 'disk layout', 'table layout', 'memory layout', 'file layout', 'index layout', 'schema layout',
  'partitioned table', 'time partitioned',
  // batteries charged, not customers
  'on charge', 'charging schedule', 'charging dock', 'charging station', 'charge level',
  // places where people are, not where servers run
  'in other region', 'in another region', 'in their region', 'and region', 'by region', 'per region', 'each region',
  // secrets stored unencrypted, not text on a screen; where a thing sits, not a web site
  'in clear text', 'in plain text', 'in cleartext', 'in plaintext', 'sits in', 'sit in', 'sitting in', 'sits on', 'sit on', 'sits there',
  // a background check, not a TLS certificate
  'dbs certificate', 'dbs check',
  // a funnel's numbers, not the flow itself
  'sign up conversion', 'signup conversion', 'sign up rate', 'signup rate', 'login rate', 'checkout conversion', 'conversion rate', 'trial sign up', 'trial signup', 'sign up number',
  // keys that are columns or keyboard keys, not secrets
  // products named after catalogue words: "like Google Docs" is no documentation
  'google docs', 'google doc', 'google sheets', 'google drive',
  // when something started, not a deploy to make
  'since the last deploy', 'since the deploy', 'after the last deploy', 'after the deploy', 'since last deploy', 'since the last release', 'since the release', 'after the last release',
  // cards on a screen, not payment cards
  'dashboard card', 'product card', 'profile card', 'card layout', 'card view', 'card component',
  // mail providers that receive a message, not where it is rendered
  'spam at outlook', 'at outlook and gmail', 'at gmail and outlook', 'outlook and gmail', 'gmail and outlook',
  // a policy shown to people, not a refund made
  'refund policy', 'return policy', 'returns policy',
  // scanning goods at work, not scanning for vulnerabilities
  'scan the wrong', 'scan a barcode', 'scan barcode', 'scan an item', 'scan the item', 'scan a parcel', 'scan the parcel', 'scan each item',
  // paging someone on call, not a page on screen
  'get paged', 'gets paged', 'be paged',
  // a figure grouped by place, not a region to run in
  'by region', 'per region', 'each region', 'by country', 'per country',
  // a guide people listen to or follow, not documentation
  'audio guide', 'audio guides', 'tour guide', 'tour guides', 'museum guide',
  // a session in a studio or a class, not a signed-in one
  'recording session', 'session file', 'session stem', 'session musician', 'studio session', 'jam session', 'training session', 'therapy session', 'class session', 'session fee',
  // pictures of pages, not scans for vulnerabilities
  'high resolution scan', 'scanned page', 'scanned document', 'document scan', 'photo scan',
  // what we are charged, not payments we take
  'we pay', 'we are paying', 'we paid',
  // a status page of one thing, for its customers: a screen of the product, not the service's uptime page
  'order status page', 'permit status page', 'booking status page', 'repair status page', 'application status page', 'claim status page', 'delivery status page', 'job status page', 'parcel status page',
  // a chess pairing system, not a language
  'dutch system',
  'bpm and key', 'key and bpm', 'musical key', 'key signature',
  'primary key', 'foreign key', 'partition key', 'sort key', 'shortcut key', 'hot key',
];
