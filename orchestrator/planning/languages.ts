/**
 * Which European language a text is in, when it is not English: each language's function words and
 * common backlog verbs count a point, its own letters (ç, ñ, ã, ß, å, ł…) a point each, and the
 * language with the most points is named. Two languages that tie are both named ("French or Spanish"),
 * so a text is never named wrongly with confidence. A text with too few points is left to the caller.
 */
import { words } from './words.js';

interface Language {
  name: string;
  words: ReadonlySet<string>;
  /** letters only this language (or few others) writes */
  letters?: RegExp;
}

const lang = (name: string, list: string, letters?: RegExp): Language => ({ name, words: new Set(list.split(' ')), ...(letters ? { letters } : {}) });

const LANGUAGES: readonly Language[] = [
  lang('Spanish', 'el la los las de del para con una por que y en es al se lo como su sus más añadir mejorar crear arreglar clientes nuevos nuevas usuarios inicio sesión también estoy está página pedido pedidos cuando hay puede pueden nuestro nuestra', /[ñ¿¡]/g),
  lang('French', 'le la les des du de un pour avec une et est sur dans nous au aux ne pas qui que ce cette ces leur leurs plus ajouter améliorer créer corriger nouveaux nouvelles clients mot passe utilisateurs connexion suis depuis être faire page commande quand il ils elle peut doivent notre nos', /[çœéèêëàâîïùû]/g),
  lang('German', 'der die das den dem des und mit für nicht ein eine einen einem ist ich bin auf zu im am von bei sich sollen soll werden wird wir unsere unser auch oder nach hinzufügen verbessern erstellen beheben einrichten neue alle benutzer anmeldung heute kunden seite', /[ßäöü]/g),
  lang('Portuguese', 'o os a um uma dos das do da em na nos nas com para não é ao pelo pela seu sua de por lista pedidos adicionar melhorar criar corrigir velocidade celular inicial clientes novos usuários utilizadores aplicativo estou está também quando página pedido nosso nossa', /[ãõâêôç]/g),
  lang('Italian', 'il lo la gli le una di della delle dei degli del con è non che nel nella sono aggiungere migliorare creare correggere aggiornare nella accesso clienti nuovi utenti bloccato pagina ordine quando anche nostro nostra', /[àèìòù]/g),
  lang('Dutch', 'het een de voor met niet toe aan en is op te zijn wordt worden ons onze bij ook toevoegen verbeteren maken oplossen gebruikers ik ben pagina wanneer moet moeten dat hun zelf kunnen kan klanten zorg wachtwoord alle nieuwe sneller', /ij/g),
  lang('Polish', 'które który która teraz ponad się nie jest dla oraz przez trwa żeby aby dodać użytkowników ulepszyć przyspieszyć wyszukiwanie produktów sklepie klientów jestem czekam na do w z i że stronie', /[ąćęłńśźż]/g),
  lang('Swedish', 'och att det som ett är för med till av på inte den de vi vår våra alla lägg lägga läge appen användare användarna kunder sidan när ska kan', /[åäö]/g),
  lang('Danish or Norwegian', 'og det som en et er med til av af på ikke den de vi vår vores alle legg læg tilføj legge brukere brugere kunder siden når skal kan', /[æøå]/g),
  lang('Czech', 'a je se na v ve s z do pro že aby jsou nebo přidat zlepšit uživatele stránce když', /[ěščřžůý]/g),
  lang('Turkish', 've bir bu için ile de da değil çok ekle eklemek kullanıcılar sayfa olarak', /[ğış]/g),
  lang('Hungarian', 'az és hogy nem egy meg kell van lesz legyen lehessen tudják tudjanak minden után előtt oldal oldalon portálon alkalmazásban felhasználók betegek ügyfelek vevők hozzáadása javítása létrehozása gyorsabb korábbi formátumban', /[őű]/g),
  lang('Romanian', 'și în de la cu pentru este să nu un o adăugați utilizatorii pagina', /[ăîșț]/g),
];

/** Languages named in English, as objectives name them ("into Welsh and Polish"): names keep their capitals. */
export const LANGUAGE_NAME = /^(?:English|Welsh|Irish|Gaelic|Scots|Spanish|Catalan|Basque|Galician|French|German|Dutch|Flemish|Italian|Portuguese|Polish|Czech|Slovak|Hungarian|Romanian|Bulgarian|Greek|Turkish|Arabic|Hebrew|Persian|Farsi|Urdu|Hindi|Bengali|Punjabi|Tamil|Chinese|Mandarin|Cantonese|Japanese|Korean|Vietnamese|Thai|Indonesian|Malay|Tagalog|Swahili|Russian|Ukrainian|Swedish|Danish|Norwegian|Finnish|Icelandic|Estonian|Latvian|Lithuanian|Croatian|Serbian|Slovenian)$/;

/** How many of the languages use each word. */
const SPOKEN_IN = new Map<string, number>();
for (const l of LANGUAGES) for (const w of l.words) SPOKEN_IN.set(w, (SPOKEN_IN.get(w) ?? 0) + 1);

/** Words English shares with them, which say nothing: "a", "o", "die", "is", "de" alone do not make a language. */
const SHARED = new Set(['a', 'i', 'o', 'e', 'die', 'am', 'de', 'la', 'le', 'en', 'den', 'te', 'one']);
const ENGLISH = new Set(['the', 'a', 'an', 'and', 'or', 'to', 'of', 'for', 'with', 'in', 'on', 'at', 'by', 'from', 'our', 'we', 'i', 'is', 'are', 'be', 'it', 'this', 'that', 'all', 'new', 'as', 'so', 'can', 'users', 'user', 'add', 'make', 'fix', 'build', 'improve', 'support', 'let', 'my', 'me', 'not', 'no', 'up', 'into', 'its', 'their', 'every', 'should', 'when', 'they', 'have', 'has', 'page', 'app', 'customers']);

/** How many of a text's words are English function words: a text mostly English is not foreign. */
export const englishWords = (ws: readonly string[]): number => ws.filter((w) => ENGLISH.has(w)).length;

/** The language a text looks like ("French", "French or Spanish"), or null when it looks like none of them. */
export function foreignLanguage(text: string): string | null {
  // "Booking.com", "api.example.org": a domain's parts are no words of any language.
  // "6.2 s", "500 m", "16 h": a unit after a number is no word either (Czech "s" is "with").
  const ws = words(text.replace(/\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|co|de|fr|es|it|pt|nl|pl|se|dk|no|eu|uk|app|dev)\b/gi, ' ').replace(/(\d)\s*(?:s|m|h|g|k|v|w|a|z)\b/gi, '$1'));
  const english = englishWords(ws);
  const lower = text.toLowerCase();
  const scored = LANGUAGES.map((l) => {
    const hits = ws.filter((w) => l.words.has(w));
    const distinct = hits.filter((w) => !SHARED.has(w)).length;
    // A word only this language uses counts double: "um" and "na" are Portuguese, "de" and "por" are anyone's.
    const own = hits.filter((w) => SPOKEN_IN.get(w) === 1).length;
    const letters = l.letters ? (lower.match(l.letters)?.length ?? 0) : 0;
    return { name: l.name, score: hits.length + own + Math.min(letters, 3), distinct, letters };
  })
    // (One word of it alone, with none of its letters, is no language: "Bin-full alerts" is English.)
    .filter((s) => s.score >= 2 && (s.distinct >= 2 || (s.distinct >= 1 && s.letters >= 1)) && s.score > english)
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best) return null;
  return second && second.score === best.score ? `${best.name} or ${second.name}` : best.name;
}
