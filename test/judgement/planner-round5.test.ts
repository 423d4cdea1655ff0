/**
 * Round 5 of the planner (issue 12): a line is read for its shape — a question, a problem told as a
 * statement, a story, several sentences — and titled as a natural task; what it touches is read from its
 * shape too (shown in an interface with server data, a whole product, a home-grown system swapped, a
 * library released); a European language is named as itself. The texts here are written for the tests,
 * not taken from any judgement set.
 */
import { describe, expect, it } from 'vitest';
import { offlineAdvisor } from '../../orchestrator/advisor/offline.js';
import { foreignLanguage } from '../../orchestrator/planning/languages.js';
import { unreadableWhy } from '../../orchestrator/planning/readable.js';

const plan = (text: string) => {
  const analysis = offlineAdvisor.analyseObjectives([text]);
  const tasks = offlineAdvisor.breakDown(analysis.objectives);
  return { titles: tasks.map((t) => t.title), roles: new Set(tasks.map((t) => t.role)), unreadable: analysis.unreadable };
};
/** No title glues a template verb onto a sentence, keeps a pronoun-only request or a question mark. */
const GARBLED = /^(?:Design|Implement|Test|Plan how we) (?:\w+ )?(?:complain|say|says|keep|keeps|want|wants|when|why|can)\b|^Find out and fix it$|\?|What's the plan|^(?:Design|Test|Roll out|Security review):/;

describe('titles for every shape of objective', () => {
  it.each([
    ['Why do our tablet users get signed out every hour? Find out and fix it', 'Fix our tablet users getting signed out every hour'],
    ['Why is the invoices page so slow at month end? Figure it out and make it fast', 'Speed up the invoices page at month end'],
    ['Why does the Android app drain so much data on startup? Track it down and fix it', 'Fix the Android app draining so much data on startup'],
    ['Members complain that the renewal email looks broken in Outlook', 'Fix the renewal email in Outlook'],
    ['Couriers say the delivery map freezes when they lose signal', 'Fix the delivery map freezing when they lose signal'],
    ['Guests keep getting two confirmation texts for one booking', 'Fix guests getting two confirmation texts for one booking'],
    ['Staff are logged out of the rota app after every release', 'Fix staff being logged out of the rota app after every release'],
    ['Can we show the expected wait time on the queue screen?', 'Show the expected wait time on the queue screen'],
    ['Is it possible to let members pay their fees in three instalments?', 'Let members pay their fees in three instalments'],
    ['We want to replace our home-grown job scheduler with a managed service. What\'s the plan?', 'Replace our home-grown job scheduler with a managed service'],
    ['When a courier marks a parcel delivered, the sender\'s tracking page should update within seconds', 'Make the sender\'s tracking page update within seconds when a courier marks a parcel delivered'],
    ['Check that the signup form is usable with a keyboard alone and fix what isn\'t', 'Make the signup form usable with a keyboard alone'],
    ['Our uptime page still says all is well during incidents. Hook it up to the real health checks', 'Hook our uptime page up to the real health checks'],
    ['Our finance team spends hours copying invoices from Xero into the CRM. Automate it', 'Automate copying invoices from Xero into the CRM'],
  ])('%s', (text, title) => {
    const { titles } = plan(text);
    expect(titles).toContain(title);
    for (const t of titles) expect(t).not.toMatch(GARBLED);
  });

  it('plans a problem and the request after it as one objective, named back from the problem', () => {
    const { titles } = plan('Applicants say the grant application form times out before they can finish it. Give them more time and save their drafts.');
    expect(titles).toContain('Give applicants more time and save their drafts');
  });

  it('keeps a priority said after a dash with its objective', () => {
    const analysis = offlineAdvisor.analyseObjectives(['Members in Spain can\'t pay with Bizum since Monday — urgent']);
    expect(analysis.objectives).toHaveLength(1);
    expect(analysis.objectives[0]!.priority).toBe('high');
    expect(analysis.objectives[0]!.text).toMatch(/^Fix members in Spain not being able to pay with Bizum since Monday/);
  });

  it('reads a request as a request, not as a problem: "Mask …" is no statement', () => {
    expect(plan('Mask card numbers in the support logs').titles.join('\n')).not.toMatch(/masking|Diagnose/);
  });
});

describe('roles from what an objective touches', () => {
  const has = (text: string, ...roles: string[]) => {
    const got = plan(text).roles;
    for (const r of roles) expect(got, `${text}: ${r}`).toContain(r);
    return got;
  };

  it('shows server data in an interface with both a backend and a frontend', () => {
    has('Show each ticket\'s churn risk in the support console', 'frontend-dev', 'backend-dev');
    has('Display the expected delivery window on the order page', 'frontend-dev', 'backend-dev');
  });

  it('gives a whole product on several platforms an architect, a designer and devops', () => {
    has('Build a tutoring marketplace on web and mobile where parents book and pay tutors', 'cto', 'designer', 'devops', 'backend-dev', 'frontend-dev', 'security');
    // a feature inside the apps is not a whole product
    expect(plan('Ship in-app chat in the iOS and Android apps').roles.has('designer')).toBe(false);
  });

  it('makes swapping a home-grown system, or choosing between two, an architecture decision', () => {
    has('Replace our hand-rolled PDF generator with a hosted service', 'cto');
    has('Choose between Postgres and DynamoDB for the audit events', 'cto');
    has('Decide whether to keep our own OAuth server or move to Okta', 'cto', 'security');
  });

  it('publishes a library with its engineers and a release pipeline, not as docs alone', () => {
    has('Publish the pricing engine as an open-source library with a README', 'backend-dev', 'devops');
    has('Publish our Go SDK to the public registry with a changelog', 'backend-dev', 'devops');
  });

  it('brings security to signing out, sensitive records and who may do what', () => {
    has('Users get signed out of the app whenever they switch networks', 'security');
    has('As a nurse I want to see a patient\'s lab results on my tablet', 'security', 'frontend-dev', 'backend-dev');
    has('As a treasurer, I want to close a quarter so nobody can edit its entries', 'security');
    has('Keep customers\' identity documents for five years and delete them after', 'security', 'devops');
  });

  it('lets a pasted trace say whose code fails', () => {
    const { roles } = plan('Fix this crash since the last release:\nTypeError: x is undefined\n    at handler (src/server/routes/orders.ts:12:3)');
    expect(roles).toContain('backend-dev');
    expect(roles).not.toContain('devops');
  });

  it('treats people giving up on a flow as design work, unless they give up waiting', () => {
    has('Shoppers abandon the cart when the delivery fee only appears at the end', 'designer');
    expect(plan('The store search takes 6 seconds and shoppers give up before it loads').roles.has('designer')).toBe(false);
  });
});

describe('naming the language of an objective it does not plan', () => {
  it.each([
    ['Ajouter un bouton pour télécharger les factures', 'French'],
    ['Adicionar um filtro por data na lista de pedidos', 'Portuguese'],
    ['Aggiungere un filtro per data nella lista degli ordini', 'Italian'],
    ['Dodać filtr daty do listy zamówień', 'Polish'],
    ['Voeg een datumfilter toe aan de lijst met bestellingen', 'Dutch'],
    ['Einen Datumsfilter für die Bestellliste hinzufügen', 'German'],
    ['Añadir un filtro por fecha en la lista de pedidos', 'Spanish'],
    ['Lägg till ett datumfilter i listan över beställningar', 'Swedish'],
    ['Az ügyfelek tudják lemondani a foglalást az alkalmazásban', 'Hungarian'],
  ])('%s is %s', (text, language) => {
    expect(unreadableWhy(text)).toBe(`it looks like ${language}`);
  });

  it('does not take English with a borrowed word for another language', () => {
    expect(foreignLanguage('Add a café menu to the résumé builder')).toBeNull();
    expect(foreignLanguage('Charge per seat per month for the team plan')).toBeNull();
    expect(unreadableWhy('Let the delivery van drivers see their route')).toBeNull();
  });

  it('names pronounceable nonsense as gibberish, not as a plan', () => {
    expect(unreadableWhy('plorvin dastik membrow quelt saffron')).toBe('it reads as gibberish');
    expect(unreadableWhy('Quarterly investor newsletter template')).toBeNull();
  });
});
